// The peer grid (companies side by side on one calendar quarter, sortable, CSV) and the group (combined capex,
// OCF and FCF per calendar quarter and TTM, each company's share of the group's capex).
'use strict';
const PEER_COLUMNS = [
  ['ticker', 'company', r => `<strong>${esc(r.ticker)}</strong><br><small>${esc(r.fiscalLabel)} to ${r.periodEnd}</small>`],
  ['capex', 'capex', r => filingLink(money(r.capex), r.capexFilingUrl, 'capex')],
  ['ocf', 'OCF', r => filingLink(money(r.ocf), r.ocfFilingUrl, 'operating cash flow')],
  ['fcf', 'FCF', r => filingLink(money(r.fcf), r.filingUrl, 'FCF')],
  ['ttmCompanyFcf', 'company-defined FCF (TTM)', r => filingLink(money(r.ttmCompanyFcf), r.filingUrl, 'company-defined FCF')],
  ['capexToOcf', 'capex/OCF', r => filingLink(percent(r.capexToOcf), r.filingUrl, 'capex and OCF')],
  ['fcfMargin', 'FCF margin', r => filingLink(percent(r.fcfMargin), r.filingUrl, 'FCF and revenue')],
  ['daGrowth', 'D&A growth (YoY)', r => filingLink(growth(r.daGrowth), r.filingUrl, 'D&A')],
];
const peerState = {quarter: null, sort: 'capex', order: 'desc'};

async function loadPeers() {
  const query = new URLSearchParams({sort: peerState.sort, order: peerState.order});
  if (peerState.quarter) query.set('quarter', peerState.quarter);
  const response = await fetch('api/peers?' + query, {headers: authHeaders()});
  if (!response.ok) throw new Error('HTTP ' + response.status);
  const grid = await response.json();
  peerState.quarter = grid.calendarQuarter;
  const select = document.getElementById('peer-quarter');
  select.innerHTML = grid.available.map(q => `<option ${q === grid.calendarQuarter ? 'selected' : ''}>${q}</option>`).join('');
  document.getElementById('peer-csv').href = grid.calendarQuarter ? `api/peers?quarter=${grid.calendarQuarter}&format=csv` : '#';
  const head = PEER_COLUMNS.map(([key, title]) => {
    const sorted = key === peerState.sort ? (peerState.order === 'desc' ? 'descending' : 'ascending') : 'none';
    const arrow = sorted === 'none' ? '' : sorted === 'descending' ? ' \u25BC' : ' \u25B2';
    return `<th aria-sort="${sorted}"><button type="button" data-sort="${key}">${title}${arrow}</button></th>`;
  }).join('');
  const rows = grid.rows.map(r => `<tr data-ticker="${esc(r.ticker)}">${PEER_COLUMNS.map(([key, , cell]) =>
      `<td class="${key === 'ticker' ? '' : 'num'} ${key}">${cell(r)}</td>`).join('')}</tr>`).join('');
  document.getElementById('peer-table').innerHTML = `<thead><tr>${head}</tr></thead><tbody>${rows ||
      '<tr><td colspan="8">no figures yet</td></tr>'}</tbody>`;
  document.getElementById('peers').dataset.loaded = grid.calendarQuarter || 'none';
}

// A TTM sum over fewer companies than reported the quarter (one has no four quarters yet) says whom it lacks.
const partial = g => g.ttmMissing.length ? `<br><small class="partial">without ${g.ttmMissing.map(esc).join(', ')}</small>` : '';

async function loadGroup() {
  const response = await fetch('api/group', {headers: authHeaders()});
  if (!response.ok) throw new Error('HTTP ' + response.status);
  const quarters = await response.json();
  const rows = quarters.map(g => `<tr data-quarter="${g.calendarQuarter}"><td>${g.calendarQuarter}</td>
      <td>${g.reported.length} of ${g.reported.length + g.missing.length}${g.missing.length ? `<br><small>missing ${g.missing.map(esc).join(', ')}</small>` : ''}</td>
      <td class="num capex">${money(g.capex)}</td><td class="num">${money(g.ocf)}</td><td class="num">${money(g.fcf)}</td>
      <td class="num ttm-capex">${money(g.ttmCapex)}${partial(g)}</td><td class="num">${money(g.ttmOcf)}${partial(g)}</td>
      <td class="num">${money(g.ttmFcf)}${partial(g)}</td></tr>`).join('');
  document.getElementById('group-table').innerHTML = `<thead><tr><th>calendar quarter</th><th>reported</th><th>capex</th><th>OCF</th>
      <th>FCF</th><th>TTM capex</th><th>TTM OCF</th><th>TTM FCF</th></tr></thead><tbody>${rows ||
      '<tr><td colspan="8">no figures yet</td></tr>'}</tbody>`;
  const latest = quarters[0];
  document.getElementById('group-shares').innerHTML = !latest ? '' : `<h3>Share of the group's capex, ${latest.calendarQuarter}</h3>
    <ul class="shares">${latest.shares.map(s => `<li><span class="share-name">${esc(s.ticker)} <small>${esc(s.fiscalLabel)}</small></span>
      <span class="share-bar" style="width:${(s.capexShare || 0) * 100}%" aria-hidden="true"></span>
      <span class="share-value">${percent(s.capexShare)} · ${money(s.capex)}${s.ttmCapexShare != null ? ' · TTM ' + percent(s.ttmCapexShare) : ''}</span></li>`).join('')}</ul>`;
  document.getElementById('group').dataset.loaded = latest ? latest.calendarQuarter : 'none';
  loadAllFilers(quarters).catch(error => { document.getElementById('all-filers').textContent = 'share of all filers unavailable: ' + error.message; });
}

// The group's share of all US filers' capex from the SEC frames, for the calendar years and first quarters frames
// can cover (3- and 12-month durations only; capex is reported year to date, so CY Q2 to Q4 cannot be computed).
async function loadAllFilers(quarters) {
  const box = document.getElementById('all-filers');
  const newest = quarters[0] && quarters[0].calendarQuarter;
  if (!newest) { box.textContent = ''; return; }
  const year = Number(newest.slice(0, 4));
  const periods = [newest.endsWith('Q4') ? 'CY' + year : 'CY' + (year - 1), 'CY' + year + 'Q1'];
  const rows = await Promise.all(periods.map(async period => {
    const response = await fetch('api/group/all-filers/' + period, {headers: authHeaders()});
    const body = await response.json();
    if (!response.ok) return `<tr data-period="${period}"><td>${period}</td><td colspan="4">not available: ${esc(body.detail || body.title)}</td></tr>`;
    return `<tr data-period="${period}"><td>${period}</td><td class="num share">${percent(body.share)}</td>
      <td class="num">${money(body.watchedUsd)} of ${money(body.totalUsd)}</td><td class="num filers">${body.filers}</td>
      <td>${body.asOf.slice(0, 10)}${body.watchedMissing.length ? `<br><small>not in the frame: ${body.watchedMissing.map(esc).join(', ')}</small>` : ''}</td></tr>`;
  }));
  box.innerHTML = `<h3>The group's share of all US filers' capex (SEC frames)</h3><div class="scroll"><table class="grid">
    <thead><tr><th>period</th><th>share</th><th>group of all filers</th><th>filers</th><th>as of</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>
    <p class="note">Frames hold one 3-month or 12-month fact per filer, so only calendar years and first quarters can be computed:
    capex is reported year to date (a Q2 10-Q reports six months). Capex here is PaymentsToAcquirePropertyPlantAndEquipment, or
    PaymentsToAcquireProductiveAssets for filers that use that instead, each filer counted once.</p>`;
  box.dataset.loaded = 'true';
}

// A new verdict means new figures: the grid and the group are read again, once per burst of changes.
let comparisonsTimer = null;
function comparisonsChanged() {
  clearTimeout(comparisonsTimer);
  comparisonsTimer = setTimeout(() => {
    loadPeers().catch(showComparisonError);
    loadGroup().catch(showComparisonError);
  }, 1000);
}

function loadComparisons() {
  document.getElementById('peer-table').addEventListener('click', event => {
    const button = event.target.closest('button[data-sort]');
    if (!button) return;
    const key = button.dataset.sort;
    peerState.order = peerState.sort === key && peerState.order === 'desc' ? 'asc' : 'desc';
    peerState.sort = key;
    loadPeers().catch(showComparisonError);
  });
  document.getElementById('peer-quarter').addEventListener('change', event => {
    peerState.quarter = event.target.value;
    loadPeers().catch(showComparisonError);
  });
  loadPeers().catch(showComparisonError);
  loadGroup().catch(showComparisonError);
}

function showComparisonError(error) {
  document.getElementById('comparison-status').textContent = 'comparisons unavailable: ' + error.message;
}
