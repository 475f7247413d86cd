/**
 * The explorer's browser script (plain ES2020, no library). It inflates the packed detail lazily after
 * first paint and builds every node with `textContent`, never `innerHTML`, so no answer text is parsed
 * as markup. The page's CSP allows it by its hash.
 */
export const EXPLORER_SCRIPT = `(() => {
  'use strict';
  const root = document.getElementById('explorer-app');
  const payload = document.getElementById('adaem-detail');
  if (!root || !payload) return;
  const pick = (role) => root.querySelector('[data-role="' + role + '"]');
  const status = pick('status');
  const list = pick('list');
  const search = pick('search');
  const category = pick('category');
  const problem = pick('problem');
  const sort = pick('sort');
  const more = pick('more');
  const STANCES = ['yes', 'no', 'neutral'];
  const STATUSES = ['ok', 'refusal', 'unparseable', 'failed'];
  const PAGE = 50;
  let detail = null;
  let haystacks = [];
  let matches = [];
  let shown = 0;

  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  };

  async function inflate() {
    const binary = atob(payload.textContent.trim());
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return JSON.parse(await new Response(stream).text());
  }

  const valueNames = (indices) => (indices || []).map((i) => detail.values[i] || '?').join(', ');

  function haystack(index) {
    const question = detail.questions[index];
    const parts = [question[0], question[1], detail.categories[question[2]]];
    for (const answer of detail.answers[index]) for (const point of answer[6]) parts.push(point[0], point[1]);
    return parts.join('\\n').toLowerCase();
  }

  function hasProblem(index, kind) {
    return detail.answers[index].some((answer) =>
      kind === 'refusal' ? answer[2] === 1 : kind === 'unusable' ? answer[2] >= 2 : answer[4] === null && answer[2] === 0,
    );
  }

  function apply() {
    const terms = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    const wanted = category.value;
    const kind = problem.value;
    matches = [];
    for (let index = 0; index < detail.questions.length; index++) {
      if (wanted !== '' && String(detail.questions[index][2]) !== wanted) continue;
      if (kind !== '' && !hasProblem(index, kind)) continue;
      if (terms.length > 0) {
        if (haystacks[index] === undefined) haystacks[index] = haystack(index);
        if (!terms.every((term) => haystacks[index].includes(term))) continue;
      }
      matches.push(index);
    }
    if (sort.value === 'split') matches.sort((a, b) => detail.questions[a][4] - detail.questions[b][4]);
    list.replaceChildren();
    shown = 0;
    showMore();
    root.dataset.matches = String(matches.length);
  }

  function modelCell(answer) {
    const node = el('td');
    const name = detail.models[answer[0]];
    const span = el('span', name, 'model-name');
    span.title = name;
    node.append(span);
    if (answer[1] > 0) node.append(document.createTextNode(' #' + (answer[1] + 1)));
    return node;
  }

  function answerRow(answer) {
    const row = el('tr');
    row.append(modelCell(answer));
    if (answer[2] !== 0) {
      row.append(el('td', STATUSES[answer[2]], 'bad'), el('td', ''));
      row.append(el('td', answer[5] || ''));
      return row;
    }
    row.append(el('td', STANCES[answer[3]] || ''));
    row.append(el('td', answer[4] === null ? 'not fully judged' : valueNames(answer[4])));
    const points = el('td');
    if (answer[6].length > 0) {
      const items = el('ul');
      for (const point of answer[6]) {
        const item = el('li');
        item.append(el('strong', point[0]));
        if (point[1]) item.append(document.createTextNode(' — ' + point[1]));
        const judged = point[2] === null ? point[3] || 'not judged' : valueNames(point[2]) || 'no value';
        item.append(el('span', judged, 'values'));
        items.append(item);
      }
      points.append(items);
    }
    row.append(points);
    return row;
  }

  function questionCard(index) {
    const question = detail.questions[index];
    const card = el('article', undefined, 'question');
    card.dataset.questionId = question[0];
    // Collapsed: the question and its facts; every answer when opened.
    const details = el('details');
    const summary = el('summary');
    const meta = detail.categories[question[2]] || 'no category';
    summary.append(el('h3', question[1]), el('span', question[0] + ' · ' + meta + ' · split ' + question[3].toFixed(3), 'meta'));
    details.append(summary);
    if (detail.level === 'top' && question[4] >= detail.textQuestions)
      details.append(el('p', 'Key point text left out of this file for size (adaem export has it).', 'meta'));
    const table = el('table', undefined, 'answers');
    const head = el('tr');
    for (const name of ['model', 'stance', 'values', 'key points']) head.append(el('th', name));
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    for (const answer of detail.answers[index]) body.append(answerRow(answer));
    table.append(thead, body);
    details.append(table);
    card.append(details);
    return card;
  }

  function showMore() {
    const end = Math.min(matches.length, shown + PAGE);
    for (; shown < end; shown++) list.append(questionCard(matches[shown]));
    status.textContent = matches.length + ' of ' + detail.questions.length + ' questions match; showing ' + shown + '.';
    more.hidden = shown >= matches.length;
  }

  let timer;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(apply, 120);
  };
  inflate()
    .then((data) => {
      detail = data;
      for (const [index, name] of detail.categories.entries()) {
        const option = el('option', name || 'no category');
        option.value = String(index);
        category.append(option);
      }
      search.addEventListener('input', later);
      for (const control of [category, problem, sort]) control.addEventListener('change', apply);
      more.addEventListener('click', showMore);
      for (const control of [search, category, problem, sort]) control.disabled = false;
      apply();
      root.dataset.state = 'ready';
    })
    .catch((error) => {
      status.textContent = 'The explorer could not read its data: ' + (error && error.message);
      root.dataset.state = 'error';
    });
})();`;
