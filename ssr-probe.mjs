import * as echarts from 'echarts';
const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 300, height: 260 });
chart.setOption({ animation: false, radar: { indicator: [{name:'A',max:100},{name:'B',max:100},{name:'C',max:100}] },
  series: [{ type: 'radar', symbolSize: 3, data: [{ name: 'm1', value: [10, 50, '-'] }, { name: 'm2', value: [30, 40, 60] }] }] });
console.log(chart.renderToSVGString());
chart.dispose();
const c2 = echarts.init(null, null, { renderer: 'svg', ssr: true, ssrMetaData: true, width: 300, height: 260 });
c2.setOption({ animation: false, xAxis:{type:'category',data:['a','b']}, yAxis:{type:'category',data:['r1','r2']}, visualMap:{min:0,max:10,show:false},
  series: [{ type: 'heatmap', data: [[0,0,1],[1,0,5],[0,1,7],[1,1,'-']], label:{show:true} }] });
console.log(c2.renderToSVGString());
