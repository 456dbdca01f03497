import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The shared corpora, read in place (never copied into the repository). */
export const CORPORA = path.resolve(__dirname, '../../shared/corpora');

export interface CorpusArticle {
  name: string;
  text: string;
}

const sortedFiles = (dir: string, ext: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith(ext))
    .sort()
    .map((name) => path.join(dir, name));

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The plain article of a TimeML file: its title and text with every tag removed. */
export function timebankText(xml: string): string {
  const part = (tag: string): string => xml.match(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`))?.[1] ?? '';
  const plain = (s: string): string => s.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]);
  const title = plain(part('TITLE')).trim();
  const body = plain(part('TEXT')).trim();
  return title ? `${title}\n\n${body}\n` : `${body}\n`;
}

export function polnearArticles(): CorpusArticle[] {
  return ['dev', 'train'].flatMap((split) =>
    sortedFiles(path.join(CORPORA, 'polnear', split, 'text'), '.txt').map((file) => ({
      name: `polnear/${split}/${path.basename(file)}`,
      text: readFileSync(file, 'utf8'),
    })),
  );
}

export function timebankArticles(): CorpusArticle[] {
  return ['TimeBank', 'AQUAINT'].flatMap((part) =>
    sortedFiles(path.join(CORPORA, 'timebank', part), '.tml').map((file) => ({
      name: `timebank/${part}/${path.basename(file, '.tml')}.txt`,
      text: timebankText(readFileSync(file, 'utf8')),
    })),
  );
}

/** Both corpora, alternating one PolNeAR and one TimeBank article, so every size mixes both styles. */
export function mixedArticles(): CorpusArticle[] {
  const polnear = polnearArticles();
  const timebank = timebankArticles();
  const mixed: CorpusArticle[] = [];
  for (let i = 0; i < Math.max(polnear.length, timebank.length); i++) {
    if (i < polnear.length) mixed.push(polnear[i]);
    if (i < timebank.length) mixed.push(timebank[i]);
  }
  return mixed;
}

/**
 * A document of about `bytes` UTF-8 bytes (never more): whole articles one after another,
 * separated by blank lines, the last one cut at a line or word boundary.
 */
export function buildDocument(articles: CorpusArticle[], bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = articles[i % articles.length].text.trim();
    parts.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  let doc = parts.join('\n\n');
  // Cut by characters first (bytes >= characters), then trim until the byte size fits.
  doc = doc.slice(0, bytes);
  while (Buffer.byteLength(doc) > bytes) doc = doc.slice(0, doc.length - Math.ceil((Buffer.byteLength(doc) - bytes) / 3) - 1);
  const boundary = Math.max(doc.lastIndexOf('\n'), doc.lastIndexOf(' '));
  return `${doc.slice(0, boundary > doc.length - 500 ? boundary : doc.length).trimEnd()}\n`;
}

/** A small seeded generator, so every run edits the same positions. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
