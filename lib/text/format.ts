// Display forms of normalized values, written out by hand so the output does not
// depend on the ICU data a runtime ships with.

function groupThousands(intDigits: string): string {
  let out = "";
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % 3 === 0) out += ",";
    out += intDigits.charAt(i);
  }
  return out;
}

/** 7700000 → "7,700,000"; 1.2 → "1.2"; 43300000000 → "43,300,000,000". */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const sign = v < 0 ? "-" : "";
  const abs = Math.abs(v);
  if (abs >= 1e21) return sign + String(abs);
  const fixed = Number.isInteger(abs) ? abs.toFixed(0) : abs.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
  const dot = fixed.indexOf(".");
  const intPart = dot < 0 ? fixed : fixed.slice(0, dot);
  const frac = dot < 0 ? "" : fixed.slice(dot);
  return sign + groupThousands(intPart) + frac;
}

function pad2(n: number): string {
  return n < 10 ? "0" + String(n) : String(n);
}

/** A date figure's value as ISO-like text at its written precision: "2014", "2014-09",
 *  "2014-09-10", "--09-10". */
export function formatDateValue(value: number, unit: string | undefined): string {
  switch (unit) {
    case "yyyy":
      return String(value);
    case "yyyymm":
      return String(Math.floor(value / 100)) + "-" + pad2(value % 100);
    case "yyyymmdd":
      return String(Math.floor(value / 10000)) + "-" + pad2(Math.floor(value / 100) % 100) + "-" + pad2(value % 100);
    case "mmdd":
      return "--" + pad2(Math.floor(value / 100)) + "-" + pad2(value % 100);
    default:
      return String(value);
  }
}
