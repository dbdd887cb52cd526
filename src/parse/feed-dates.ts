/**
 * @module parse/feed-dates
 * Parses the dates feeds carry into UTC: W3C-DTF / ISO 8601 (RFC 3339, partial dates, no zone,
 * basic format) and RFC 822 (RFC 2822 §3.3) with the usual breakage — no weekday, two-digit
 * years, day and month swapped, named and military zones, no seconds, AM/PM, and month names in
 * the languages feeds are commonly written in. Zones follow the Universal Feed Parser's table;
 * an unknown zone or no zone means UTC. Impossible dates (31 February) are rejected, not rolled.
 */

const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180,
  adt: -180, ast: -240, at: -240, edt: -240, est: -300, et: -300, cdt: -300, cst: -360, ct: -360,
  mdt: -360, mst: -420, mt: -420, pdt: -420, pst: -480, pt: -480, akst: -540, akdt: -480, hst: -600,
  a: -60, n: 60, m: -720, y: 720, jst: 540, kst: 540, ist: 330, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};

const MONTH_NAMES: Array<[number, string]> = [
  [1, 'jan january januar janvier janv enero ene gennaio gen janeiro januari stycznia styczen leden ocak'],
  [2, 'feb february februar fevrier fevr fev febrero febbraio fevereiro februari lutego luty unor subat'],
  [3, 'mar march marz marzo mars marco maart mrt mrz maerz marca marzec brezen mart'],
  [4, 'apr april avril avr abril abr aprile kwietnia kwiecien duben nisan'],
  [5, 'may mai mayo maggio mag maio mei maja maj kveten mayis'],
  [6, 'jun june juni juin junio giugno giu junho czerwca czerwiec cerven haziran'],
  [7, 'jul july juli juillet juil julio luglio lug julho lipca lipiec cervenec temmuz'],
  [8, 'aug august aout agosto ago augustus sierpnia sierpien srpen agustos'],
  [9, 'sep sept september septembre septiembre setiembre settembre set setembro wrzesnia wrzesien zari eylul'],
  [10, 'oct october oktober okt octobre octubre ottobre ott outubro out pazdziernika pazdziernik rijen ekim'],
  [11, 'nov november novembre noviembre novembro listopada listopad kasim'],
  [12, 'dec december dezember dez decembre diciembre dic dicembre dezembro grudnia grudzien prosinec aralik'],
];

const MONTHS = new Map<string, number>();
for (const [month, names] of MONTH_NAMES) for (const name of names.split(' ')) MONTHS.set(name, month);

/** Lower-cased, accents stripped, trailing dot dropped: "Déc." → "dec". */
function monthOf(token: string): number | undefined {
  const key = token.normalize('NFD').replace(/[\u0300-\u036f.]/g, '').toLowerCase();
  return MONTHS.get(key) ?? (key.length > 3 ? MONTHS.get(key.slice(0, 3)) : undefined);
}

function utcDate(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMinutes: number): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 60) return null;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59)) - offsetMinutes * 60_000;
  const date = new Date(ms);
  if (y < 100) date.setUTCFullYear(y);
  return Number.isNaN(date.getTime()) ? null : date;
}

function parseOffset(zone: string): number | null {
  const m = /^(?:gmt|utc|ut)?([+-])(\d{1,2})(?::(\d{1,2})|(\d{2}))?$/.exec(zone);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? m[4] ?? 0));
  const name = zone.replace(/^etc\//, '').replace(/[()]/g, '');
  return ZONES[name] ?? null;
}

const ISO = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:(?:t|\s+)(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?)?\s*(z|[a-z]{2,5}|[+-]\d{1,2}(?::?\d{1,2})?)?$/;

function parseIsoDate(text: string): Date | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const offset = m[7] ? parseOffset(m[7]) : 0;
  if (offset === null) return null;
  return utcDate(Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), offset);
}

/** The canonical RFC 822 shape, `Mon, 02 May 2022 22:43:00 +0200`, read without tokenizing. */
const RFC822_FAST = /^(?:[a-z]{3},\s*)?(\d{1,2})\s+([a-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|gmt|ut|utc|z|[ecmp][sd]t)$/;

function parseRfc822Date(text: string): Date | null {
  const fast = RFC822_FAST.exec(text);
  if (fast) {
    const month = MONTHS.get(fast[2] as string);
    const offset = parseOffset(fast[7] as string);
    if (month !== undefined && offset !== null) {
      return utcDate(Number(fast[3]), month, Number(fast[1]), Number(fast[4]), Number(fast[5]), Number(fast[6] ?? 0), offset);
    }
  }
  // A leading word followed by a comma is a weekday in any language ("mar., 3 mai 2022").
  // RFC 850 (`Tuesday, 03-May-22 15:07:42 GMT`, the obsolete HTTP date) writes the date with dashes.
  const tokens = text.replace(/^[^\s\d,]+\.?,/, ' ').replace(/,/g, ' ').replace(/\b(\d{1,2})-([a-zà-ž]{3,}\.?)-(\d{2}|\d{4})\b/, '$1 $2 $3')
    .split(/\s+/).filter(Boolean);
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  let time: number[] | undefined;
  let offset: number | null = 0;
  let pm: boolean | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const clock = /^(\d{1,2}:\d{2}(?::\d{2})?)(?:[.,]\d+)?(z|[+-]\d{2}:?\d{2})?$/.exec(token);
    if (clock) {
      time = (clock[1] as string).split(':').map(Number);
      if (clock[2]) offset = parseOffset(clock[2]) ?? 0;
    } else if (/^\d{1,2}\.?$/.test(token) && day === undefined && (month === undefined || year === undefined)) {
      day = parseInt(token, 10);
    } else if (/^\d{4}$/.test(token) || (/^\d{2}$/.test(token) && day !== undefined && month !== undefined && year === undefined)) {
      year = token.length === 2 ? Number(token) + (Number(token) < 90 ? 2000 : 1900) : Number(token);
    } else if (/^(am|pm)$/.test(token)) {
      pm = token === 'pm';
    } else if (/^[+-]\d{2}:?\d{2}$/.test(token) || (time && /^([+-]\d{1,2}|\(?[a-z]{1,5}\)?|(gmt|utc|ut)[+-]\d{1,2}(:?\d{2})?|etc\/\w+)$/.test(token))) {
      offset = parseOffset(token);
      if (offset === null) offset = 0;
    } else if (/^[a-zà-ž.]+$/.test(token)) {
      const found = monthOf(token);
      if (found !== undefined && month === undefined) month = found;
    } else {
      return null;
    }
  }
  if (day === undefined || month === undefined || year === undefined) return null;
  const [hour = 0, mi = 0, s = 0] = time ?? [];
  const h = pm !== undefined && hour <= 12 ? (hour % 12) + (pm ? 12 : 0) : hour;
  return utcDate(year, month, day, h, mi, s, offset);
}

/**
 * Numeric dates with separators ISO 8601 does not use, rewritten as ISO: `2022/05/03` (year
 * first, so never ambiguous) and `03.05.2022` (day first: dotted dates are D.M.Y wherever they
 * are written). `03/05/2022` stays unread: it is May 3 or March 5 depending on the country.
 */
function numericAsIso(text: string): string {
  return text
    .replace(/^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?=$|[\st])/, (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`)
    .replace(/^(\d{1,2})\.(\d{1,2})\.(\d{4})(?=$|\s)/, (_, d: string, m: string, y: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
}

/** Parses a feed date into a UTC `Date`, or null when it is missing or not a date. */
export function parseFeedDate(text: string | null | undefined): Date | null {
  if (!text) return null;
  const trimmed = text.trim().toLowerCase();
  if (!trimmed || trimmed.length > 200) return null;
  return parseIsoDate(trimmed) ?? parseRfc822Date(trimmed) ?? parseIsoDate(numericAsIso(trimmed));
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the contract's date form. */
export function formatUtcDate(date: Date | null): string | null {
  if (!date || Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  return iso.length === 24 ? `${iso.slice(0, 19)}Z` : null;
}
