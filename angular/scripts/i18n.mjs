// Merges the translations each feature folder owns (src/app/**/i18n/{zh-CN,en}.json, top-level keys owned by that
// feature) into the files the app loads, src/assets/i18n/{zh-CN,en}.json (generated, git-ignored). Runs before every
// build, serve and test (npm pre-scripts). Fails when two features claim the same top-level key or when a feature's
// Chinese and English files do not have the same keys.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const languages = ['zh-CN', 'en'];
const appDir = 'src/app';
const outDir = 'src/assets/i18n';

function featureFolders(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.name === 'i18n' ? [join(dir, entry.name)] : featureFolders(join(dir, entry.name))));
}

function keys(tree, prefix = '') {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]);
}

const problems = [];
const merged = Object.fromEntries(languages.map((language) => [language, {}]));
const ownerOf = {};
for (const folder of featureFolders(appDir)) {
  const feature = relative(appDir, folder);
  const trees = Object.fromEntries(languages.map((language) => [language, JSON.parse(readFileSync(join(folder, `${language}.json`), 'utf8'))]));

  const [first, ...others] = languages;
  for (const other of others) {
    const missing = (a, b) => keys(trees[a]).filter((key) => !new Set(keys(trees[b])).has(key));
    for (const key of missing(first, other)) problems.push(`${feature}: '${key}' is in ${first}.json but not in ${other}.json`);
    for (const key of missing(other, first)) problems.push(`${feature}: '${key}' is in ${other}.json but not in ${first}.json`);
  }
  for (const key of Object.keys(trees[first])) {
    if (ownerOf[key]) problems.push(`top-level key '${key}' is owned by both ${ownerOf[key]} and ${feature}`);
    ownerOf[key] = feature;
  }
  for (const language of languages) Object.assign(merged[language], trees[language]);
}

if (problems.length) {
  console.error(`Translations (src/app/**/i18n) cannot be merged:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
for (const language of languages) writeFileSync(join(outDir, `${language}.json`), JSON.stringify(merged[language], null, 2) + '\n');
