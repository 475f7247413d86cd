// jstat ships no type declarations; only the distributions adaem uses are declared.
declare module 'jstat' {
  interface Distribution {
    cdf(x: number, ...parameters: number[]): number;
    inv(p: number, ...parameters: number[]): number;
  }
  const jStat: {
    centralF: Distribution;
    studentt: Distribution;
    normal: Distribution;
  };
  export default jStat;
}
