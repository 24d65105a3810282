// Every watched company has a tile from the start: "awaiting first filing" with its EDGAR poll status until its
// first verdict replaces it. The watchlist is read again every 15 s, so a company added meanwhile appears
// and one removed (without a verdict yet) disappears.
'use strict';
const POLL_STATUS = {
  AWAITING_FIRST_POLL: 'not polled yet',
  UP_TO_DATE: 'polled, no figures imported yet',
  AWAITING_XBRL: '10-Q/10-K filed, awaiting its XBRL figures',
  RESULTS_RELEASED_AWAITING_FILING: 'results released, awaiting the 10-Q/10-K',
  POLL_FAILED: 'last EDGAR poll failed',
};
const WATCHLIST_REFRESH_MS = 15000;

function renderAwaiting(company) {
  const tile = tileFor(company.ticker);
  if (tile.verdict) return; // a verdict tile shows the status itself
  tile.dataset.ticker = company.ticker;
  tile.dataset.state = 'AWAITING_FIRST_FILING';
  tile.dataset.filingStatus = company.status;
  tile.setAttribute('aria-label', `${company.ticker}: awaiting first filing; EDGAR: ${POLL_STATUS[company.status] || company.status}`);
  tile.classList.add('awaiting');
  const polled = company.polledAt ? ' · polled ' + company.polledAt.replace('T', ' ').slice(0, 16) + ' UTC' : '';
  tile.innerHTML = `<h2>${esc(company.ticker)} ${badge('AWAITING_FIRST_FILING', 'awaiting first filing')}</h2>
    <div class="name">CIK ${company.cik}${polled}</div>
    <div class="poll-status">EDGAR: <strong>${esc(POLL_STATUS[company.status] || company.status)}</strong></div>
    ${company.detail ? `<div class="changed">${esc(company.detail)}</div>` : ''}
    <div class="changed"><a href="${company.edgarUrl}" target="_blank" rel="noopener">its filings on EDGAR</a></div>`;
}

async function loadWatchlist() {
  const response = await fetch('api/watchlist', {headers: authHeaders()});
  if (!response.ok) return; // the verdict tiles still show; the next refresh tries again
  const watched = await response.json();
  watched.forEach(renderAwaiting);
  // A company removed from the watchlist before its first filing leaves the board; one with a verdict keeps
  // its tile, marked "no longer watched" by its filing status.
  const tickers = new Set(watched.map(company => company.ticker));
  for (const [ticker, tile] of tiles) {
    if (!tile.verdict && !tickers.has(ticker)) {
      tile.remove();
      tiles.delete(ticker);
    }
  }
}

function watchWatchlist() {
  setInterval(() => loadWatchlist().catch(() => {}), WATCHLIST_REFRESH_MS);
}
