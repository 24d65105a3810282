// A verdict's details beyond its rules: each recent quarter's figures linked to their filing on EDGAR, and the
// verdict's timeline (the state each quarter ended on and every change), from /api/companies/{ticker}/timeline.
'use strict';

function quarterTable(v) {
  const rows = (v.quarters || []).slice().reverse().map(q => {
    const url = edgarFiling(v.cik, q.accession);
    return `<tr><td>FY${q.fiscalYear} Q${q.fiscalQuarter}<br><small>to ${q.periodEnd}</small></td>
      <td class="num">${filingLink(money(q.capex), url, 'capex')}</td><td class="num">${filingLink(money(q.ocf), url, 'OCF')}</td>
      <td class="num">${filingLink(money(q.fcf), url, 'FCF')}</td><td class="num">${filingLink(percent(q.ttmCapexToOcf), url, 'TTM capex/OCF')}</td>
      <td>${url ? `<a href="${url}" target="_blank" rel="noopener">${esc(q.accession)}</a>` : 'n/a'}</td></tr>`;
  }).join('');
  if (!rows) return '';
  return `<h3>Quarters (each figure links to its filing on EDGAR)</h3><div class="scroll"><table class="quarters">
    <tr><th>quarter</th><th>capex</th><th>OCF</th><th>FCF</th><th>TTM capex/OCF</th><th>filing</th></tr>${rows}</table></div>`;
}

async function showTimeline(ticker) {
  const section = document.getElementById('timeline');
  try {
    const response = await fetch('api/companies/' + encodeURIComponent(ticker) + '/timeline', {headers: authHeaders()});
    if (!response.ok) throw new Error('HTTP ' + response.status);
    const t = await response.json();
    const strip = t.quarters.map(q => `<li>${badge(q.state)}<span>${esc(q.fiscalLabel)}</span>
      <small>${q.calendarQuarter ? 'CY ' + q.calendarQuarter : ''}</small></li>`).join('');
    const changes = t.changes.slice().reverse().map(c => `<tr><td>${c.at.slice(0, 10)}</td>
      <td>${c.from ? label(c.from) + ' \u2192 ' : 'first: '}<strong>${label(c.to)}</strong></td><td>${esc(c.fiscalLabel)}</td>
      <td>${c.filingUrl ? `<a href="${c.filingUrl}" target="_blank" rel="noopener">${esc(c.form || '')} ${esc(c.accession)}</a>` : 'n/a'}</td></tr>`).join('');
    section.innerHTML = `<h3>Verdict timeline</h3><ol class="timeline-strip" aria-label="state per quarter, oldest first">${strip}</ol>
      <div class="scroll"><table><tr><th>when</th><th>change</th><th>quarter</th><th>filing</th></tr>${changes}</table></div>`;
  } catch (error) {
    section.textContent = 'verdict history unavailable: ' + error.message;
  }
}
