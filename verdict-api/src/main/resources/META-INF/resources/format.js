// Figures as analysts write them: −$2.5B, $1.25T, $950M, $24.0B, 63.1%, −2.7%. Exact: whole USD go through
// BigInt and are rounded half away from zero on integers, so no binary float decides a digit. Three
// significant digits (two decimals under 10, one under 100, none above); under 100 a second decimal that is
// zero is dropped, never the first ($2.5B, $24.0B); a true minus sign (U+2212).
'use strict';
const MINUS = '\u2212';
const MONEY_UNITS = [[12n, 'T'], [9n, 'B'], [6n, 'M'], [3n, 'K']];

function money(usd) {
  if (usd == null) return 'n/a';
  let value = BigInt(usd);
  const sign = value < 0n ? MINUS : '';
  if (value < 0n) value = -value;
  for (let i = 0; i < MONEY_UNITS.length; i++) {
    const [exponent, suffix] = MONEY_UNITS[i];
    const unit = 10n ** exponent;
    if (value < unit) continue;
    const whole = value / unit;
    const decimals = whole >= 100n ? 0n : whole >= 10n ? 1n : 2n;
    const step = 10n ** (exponent - decimals);
    const rounded = (value + step / 2n) / step; // in units of `step`
    const scale = 10n ** decimals;
    if (rounded / scale >= 1000n && i > 0) {
      return sign + money((rounded * step).toString()); // $999.6B rounds to $1T at three digits
    }
    let text = (rounded / scale).toString();
    if (decimals > 0n) {
      text += '.' + (rounded % scale).toString().padStart(Number(decimals), '0').replace(/(\d)0$/, '$1');
    }
    return sign + '$' + text + suffix;
  }
  return sign + '$' + value.toString();
}

// The service sends ratios to four decimals; the epsilon keeps 0.6305 from showing as 63.0% (binary floats).
function percent(ratio) {
  if (ratio == null) return 'n/a';
  const text = (Math.abs(ratio) * 100 + 1e-9).toFixed(1) + '%';
  return ratio < 0 && text !== '0.0%' ? MINUS + text : text;
}

// Year-over-year growth with its sign: +50.0%, −12.5%.
function growth(ratio) {
  return ratio == null ? 'n/a' : (ratio > 0 ? '+' : '') + percent(ratio);
}

// A link to the filing a figure came from on EDGAR, or the figure alone without one.
function filingLink(text, url, what) {
  return url ? `<a class="filing-link" href="${url}" target="_blank" rel="noopener" title="${what || 'the filing'} on EDGAR">${text}</a>` : text;
}
