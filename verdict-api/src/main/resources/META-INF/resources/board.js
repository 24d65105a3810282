// The capex-watch board: one tile per company, updated live from /api/verdicts/stream.
'use strict';
const board = document.getElementById('board');
const tiles = new Map();
// money(), percent(), growth() and filingLink() come from format.js; billions is the older name of money.
const billions = money;
const label = state => state.replace(/_/g, ' ').toLowerCase();
// Colour is never the only carrier of a state: each badge has an icon and the state in words.
const ICON = {ON_SCHEDULE: '\u2713', WATCH: '!', SLIPPING: '\u2717', INSUFFICIENT_DATA: '?', AWAITING_FIRST_FILING: '\u2026'};
const badge = (state, text) => `<span class="badge ${state}"><span aria-hidden="true">${ICON[state] || ''}</span> ${text || label(state)}</span>`;
const edgarFiling = (cik, accession) => accession ? `https://www.sec.gov/Archives/edgar/data/${cik}/${accession.replace(/-/g, '')}/` : null;
const esc = text => String(text).replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'})[c]);
// Where reads require a token, the board asks for an API key once and keeps it in this browser.
const KEY = 'capexwatch.apiKey';
const authHeaders = () => localStorage.getItem(KEY) ? {'X-API-Key': localStorage.getItem(KEY)} : {};

function chart(quarters) {
  const points = quarters.filter(q => q.ttmCapexToOcf != null);
  if (points.length < 2) return '';
  const w = 280, h = 70, step = w / (points.length - 1);
  const maxFcf = Math.max(...points.map(q => Math.abs(q.ttmFcf || 0)), 1);
  const bars = points.map((q, i) => {
    const bh = Math.abs(q.ttmFcf) / maxFcf * (h / 2 - 2);
    const y = q.ttmFcf >= 0 ? h / 2 - bh : h / 2;
    return `<rect class="fcf" x="${i * step - 4}" y="${y}" width="8" height="${bh}"><title>${q.periodEnd}: TTM FCF ${billions(q.ttmFcf)}</title></rect>`;
  }).join('');
  const line = points.map((q, i) => `${i * step},${h - Math.min(q.ttmCapexToOcf, 1.2) / 1.2 * h}`).join(' ');
  return `<svg class="chart" viewBox="-5 0 ${w + 10} ${h}" role="img" aria-label="TTM capex/OCF and FCF by quarter">
    <line class="zero" x1="0" x2="${w}" y1="${h / 2}" y2="${h / 2}"/>${bars}<polyline class="ratio" points="${line}"/></svg>
    <div class="legend">line: TTM capex/OCF · bars: TTM FCF · ${points[0].periodEnd} to ${points[points.length - 1].periodEnd}</div>`;
}

function changedSinceLastQuarter(v) {
  const q = v.quarters || [];
  if (q.length < 2) return '';
  const now = q[q.length - 1], before = q[q.length - 2];
  if (now.ttmCapexToOcf == null || before.ttmCapexToOcf == null) return '';
  const delta = (now.ttmCapexToOcf - before.ttmCapexToOcf) * 100;
  const flip = v.previousState && v.previousState !== v.state ? ` · was ${label(v.previousState)}` : '';
  return `capex/OCF ${delta >= 0 ? '+' : ''}${delta.toFixed(1)} pts since last quarter${flip}`;
}

// Between an earnings release (8-K item 2.02) and the 10-Q/10-K's XBRL: the figures are about to move.
// AWAITING_XBRL: the 10-Q/10-K is listed on EDGAR but its figures have not reached companyfacts yet.
function filingStatus(v) {
  const f = v.filing;
  if (!f) return '';
  const report = v.fiscalQuarter === 3 ? '10-K' : '10-Q';
  if (f.status === 'RESULTS_RELEASED_AWAITING_FILING') {
    return `<div class="filing-status" title="${esc(f.detail || '')}">results released${f.resultsRelease ? ' ' + f.resultsRelease.filed : ''}, awaiting ${report}</div>`;
  }
  if (f.status === 'AWAITING_XBRL') {
    return `<div class="filing-status" title="${esc(f.detail || '')}">${report} filed, awaiting its XBRL figures on EDGAR</div>`;
  }
  if (f.status === 'NOT_WATCHED') {
    return `<div class="filing-status" title="${esc(f.detail || '')}">no longer watched: not polled, figures as last filed</div>`;
  }
  return '';
}

// One tile per ticker, in ticker order; focusable, and Enter or Space opens its details as a click does.
function tileFor(ticker) {
  let tile = tiles.get(ticker);
  if (!tile) {
    tile = document.createElement('section');
    tile.className = 'tile';
    tile.tabIndex = 0;
    tile.addEventListener('click', event => { if (!event.target.closest('a') && tile.verdict) showDetails(tile.verdict); });
    tile.addEventListener('keydown', event => {
      if ((event.key === 'Enter' || event.key === ' ') && event.target === tile && tile.verdict) {
        event.preventDefault();
        showDetails(tile.verdict);
      }
    });
    tiles.set(ticker, tile);
    const order = [...tiles.keys()].sort();
    board.insertBefore(tile, tiles.get(order[order.indexOf(ticker) + 1]) || null);
  }
  return tile;
}

function render(v, flash) {
  const latest = (v.quarters || [])[(v.quarters || []).length - 1] || {};
  const tile = tileFor(v.ticker);
  tile.verdict = v;
  tile.dataset.ticker = v.ticker;
  tile.dataset.state = v.state;
  tile.dataset.filingStatus = v.filing ? v.filing.status : '';
  tile.setAttribute('role', 'button');
  tile.classList.remove('awaiting');
  tile.setAttribute('aria-label', `${v.ticker}: ${label(v.state)}; Enter for the rules, timeline and filings`);
  const latestFiling = edgarFiling(v.cik, latest.accession);
  tile.innerHTML = `<h2>${v.ticker} ${badge(v.state)}</h2>
    <div class="name">${v.entityName || ''}${v.periodEnd ? ' · FY' + v.fiscalYear + ' Q' + v.fiscalQuarter + ' (to ' + v.periodEnd + ')' : ''}</div>
    ${filingStatus(v)}
    <dl class="figures">
      <dt>TTM capex / OCF</dt><dd class="capex-ocf">${filingLink(percent(latest.ttmCapexToOcf), latestFiling, 'the latest filing of these figures')}</dd>
      <dt>TTM free cash flow</dt><dd class="ttm-fcf">${filingLink(money(latest.ttmFcf), latestFiling, 'the latest filing of these figures')}</dd>
      <dt>Filing</dt><dd>${v.basedOn ? filingLink(v.basedOn.form + ' ' + v.basedOn.filed, edgarFiling(v.cik, v.basedOn.accession), v.basedOn.form) : 'n/a'}</dd>
    </dl>
    ${chart(v.quarters || [])}
    <div class="changed">${changedSinceLastQuarter(v)}</div>`;
  if (flash) {
    tile.classList.remove('flash');
    void tile.offsetWidth;
    tile.classList.add('flash');
  }
}

// Rule inputs: money in billions, fractions as they are (the service rounds them to four decimals).
const input = value => value == null ? 'n/a' : Math.abs(value) >= 1e6 ? money(value) : String(value);

// The analyst's schedule: each milestone met, on track, at risk or missed, with why.
const MILESTONE_BADGE = {MET: 'ON_SCHEDULE', ON_TRACK: 'ON_SCHEDULE', AT_RISK: 'WATCH', MISSED: 'SLIPPING', NOT_ASSESSED: 'INSUFFICIENT_DATA'};
function milestones(v) {
  if (!(v.milestones || []).length) return '';
  const rows = v.milestones.map(m => `<tr><td>${badge(MILESTONE_BADGE[m.status], label(m.status))}</td>
    <td>${esc(m.sentence)}</td></tr>`).join('');
  return `<h3>Schedule (version ${v.scheduleVersion})</h3><table><tr><th>status</th><th>milestone</th></tr>${rows}</table>`;
}

// A definition's note (how its concept names were checked; "Unverified ..." when they could not be).
const note = text => text ? `<p class="note">${esc(text)}</p>` : '';

// #11: the latest quarter's free cash flow as the company defines it (definition and source one click away,
// in a <details>) and its commitments not yet on the balance sheet against TTM operating cash flow.
function companyDefinedDetails(v) {
  const q = (v.quarters || [])[(v.quarters || []).length - 1] || {};
  const c = q.companyDefined;
  if (!c) return '';
  const times = x => x == null ? 'n/a' : Number(x).toFixed(2) + 'x TTM OCF';
  const fcf = c.fcfDefinition == null ? '<p>No company-defined free cash flow.</p>'
    : `<p>TTM ${esc(c.fcfDefinition)} (as the company defines it): <strong>${billions(c.ttmFcf)}</strong>
       ${c.ttmFcfBasis === 'EXACT' ? '' : '(' + esc(label(c.ttmFcfBasis || 'UNAVAILABLE')) + ', not the company\'s figure)'}
       &middot; standard ${billions(q.ttmFcf)}</p>
       <details><summary>definition</summary><p>${esc(c.fcfSource || '')}</p>${note(c.fcfNote)}<p>${esc(c.ttmFcfDerivation || '')}</p></details>`;
  const rows = (c.commitments || []).map(k => `<tr><td>${esc(k.name)}${k.partOf ? ' (of which)' : k.offBalanceSheet ? '' : ' (beside, not added)'}
    ${k.note ? `<details><summary>${/^Unverified/.test(k.note) ? 'unverified: ' : ''}definition note</summary>${note(k.note)}</details>` : ''}</td>
    <td>${k.amount == null ? 'n/a' : billions(k.amount)}</td><td>${times(k.toTtmOcf)}</td></tr>`).join('');
  const commitments = rows ? `<table><tr><th>commitment at ${q.periodEnd}</th><th>amount</th><th>vs OCF</th></tr>${rows}
    <tr><td><strong>not yet on the balance sheet</strong></td><td>${c.offBalanceSheetCommitments == null ? 'n/a'
      : billions(c.offBalanceSheetCommitments)}</td><td>${times(c.offBalanceSheetToTtmOcf)}</td></tr></table>` : '';
  return `<h3>As the company reports it</h3>${fcf}${commitments}`;
}

// A rule's outcome on the verdict's colours (NOT_ASSESSED: no inputs, never good news).
const RULE_BADGE = {OK: 'ON_SCHEDULE', WATCH: 'WATCH', SLIPPING: 'SLIPPING', NOT_ASSESSED: 'INSUFFICIENT_DATA'};
function showDetails(v) {
  const rows = (v.rules || []).map(r => `<tr><td>${badge(RULE_BADGE[r.outcome] || r.outcome, label(r.outcome))}</td>
    <td><strong>${r.title}</strong><br>${r.sentence}</td>
    <td class="inputs">${Object.entries(r.inputs || {}).map(([k, val]) => `${k}: <strong>${input(val)}</strong>`).join('<br>')}</td></tr>`).join('');
  document.getElementById('details-body').innerHTML = `<h2>${v.ticker}: ${label(v.state)}</h2>
    <p>${v.stateReason || ''} Based on ${v.basedOn ? v.basedOn.form + ' ' + v.basedOn.accession + ' filed ' + v.basedOn.filed : 'no filing yet'};
    evaluated ${v.evaluatedAt}; state since ${v.stateSince}.</p>
    <table><tr><th>outcome</th><th>rule</th><th>inputs</th></tr>${rows}</table>
    ${companyDefinedDetails(v)}
    ${milestones(v)}
    <p>Data quality: ${(v.dataQualityFlags || []).join(', ') || 'no flags'}</p>
    ${v.filing && v.filing.detail ? '<p>EDGAR: ' + esc(v.filing.detail) + '</p>' : ''}
    ${quarterTable(v)}
    <section id="timeline" class="timeline" aria-live="polite">loading the verdict's history…</section>`;
  document.getElementById('details').showModal();
  showTimeline(v.ticker);
}

function askForKey(reason) {
  const form = document.getElementById('key-form');
  document.getElementById('connection').textContent = reason;
  form.hidden = false;
  form.onsubmit = event => {
    event.preventDefault();
    localStorage.setItem(KEY, document.getElementById('key').value.trim());
    location.reload();
  };
}

async function load() {
  const response = await fetch('api/verdicts', {headers: authHeaders()});
  if (response.status === 401) {
    askForKey('reading verdicts needs an API key');
    return false;
  }
  if (!response.ok) throw new Error('HTTP ' + response.status);
  (await response.json()).forEach(v => render(v, false));
  await loadWatchlist();
  document.body.dataset.loaded = 'true';
  return true;
}

function dispatch(type, data) {
  if (type === 'verdict') render(JSON.parse(data), true);
  if (type === 'verdicts') JSON.parse(data).forEach(v => render(v, true));
  comparisonsChanged();
}

// Server-sent events read with fetch rather than EventSource, which cannot send the API key header;
// reconnects with Last-Event-ID so no change is missed.
async function listen() {
  const status = document.getElementById('connection');
  let lastEventId = null;
  for (;;) {
    try {
      const headers = authHeaders();
      if (lastEventId) headers['Last-Event-ID'] = lastEventId;
      const response = await fetch('api/verdicts/stream', {headers});
      if (response.status === 401) return askForKey('the live stream needs an API key');
      if (!response.ok) throw new Error('HTTP ' + response.status);
      status.textContent = 'live: updates as filings land';
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const {value, done} = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          let type = 'message';
          const data = [];
          for (const line of buffer.slice(0, end).split('\n')) {
            const colon = line.indexOf(':');
            if (colon === 0) continue;
            const field = colon < 0 ? line : line.slice(0, colon);
            const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'event') type = text;
            else if (field === 'data') data.push(text);
            else if (field === 'id') lastEventId = text;
          }
          buffer = buffer.slice(end + 2);
          if (data.length) dispatch(type, data.join('\n'));
        }
      }
    } catch (error) {
      // dropped connection or server restart: retry below
    }
    status.textContent = 'reconnecting…';
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

load().then(loaded => { if (loaded) { listen(); watchWatchlist(); loadComparisons(); } }, error => { document.getElementById('connection').textContent = 'could not load verdicts: ' + error; });
