// Parse a .vcf file with Mozilla's ical.js (Thunderbird's parser) and print JSON:
// {"count": N, "names": [FN of each card], "versions": [...]} or {"error": "..."}.
// Used by tests/vcard/test_vcard_independent.py; exits 0 either way so the test sees the error.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const text = readFileSync(process.argv[2], "utf8");
try {
  const parsed = ICAL.parse(text);
  // One card gives a single jCard array, several give an array of them.
  const cards = typeof parsed[0] === "string" ? [parsed] : parsed;
  const out = { count: 0, names: [], versions: [] };
  for (const jcard of cards) {
    const card = new ICAL.Component(jcard);
    if (card.name !== "vcard") throw new Error(`not a vcard component: ${card.name}`);
    out.count += 1;
    const fn = card.getFirstPropertyValue("fn");
    out.names.push(fn === null ? null : String(fn));
    out.versions.push(String(card.getFirstPropertyValue("version")));
    // Touch every property's values so lazy parsing errors surface here.
    for (const prop of card.getAllProperties()) prop.getValues();
  }
  process.stdout.write(JSON.stringify(out));
} catch (err) {
  process.stdout.write(JSON.stringify({ error: String(err && err.message ? err.message : err) }));
}
