/** The input contract of content/: zod schemas for site metadata and article front matter. */
import { z } from 'zod';
import { parseDateTime } from './dates';
import { isLocalPath, urlProblem } from './urls';

/** Tag slugs and article slugs: lower-case ASCII words joined by hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a slug must look like, for messages. */
export function slugProblem(value: string, example: string): string {
  if (/[，、；]/.test(value)) return `"${value}" is not a slug: separate several with an ASCII comma "," (not "，" or "、")`;
  return `"${value}" is not a slug; expected lower-case letters, digits and hyphens, e.g. ${example}`;
}

const text = (max: number, empty: string) =>
  z
    .string({
      error: (i) =>
        i.input === undefined ? `is required; expected ${empty}` : i.input === null ? `is empty; expected ${empty}` : 'must be text',
    })
    .trim()
    .min(1, `is empty; expected ${empty}`)
    .max(max, `is longer than ${max} characters`);

const dateTime = z
  .string({
    error: (i) => (i.input === undefined ? 'is required' : 'must be a date-time such as 2025-09-05T20:00:00+08:00'),
  })
  .superRefine((s, ctx) => {
    const parsed = parseDateTime(s);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  });

const absoluteUrl = (kind: 'link' | 'image') =>
  z.string({ error: 'must be an absolute URL such as https://cie.hit.edu.cn/...' }).superRefine((s, ctx) => {
    const problem = urlProblem(s, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The lead image: a picture beside the article (photo.jpg; checked when the article is compiled) or an https:// address. */
const imageSource = z
  .string({ error: 'must be a file name beside the article (photo.jpg) or an https:// address' })
  .superRefine((s, ctx) => {
    const problem = isLocalPath(s) ? undefined : urlProblem(s, 'image');
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const slugList = (what: string, example: string) =>
  z
    .array(z.string({ error: `each ${what} must be text` }), { error: `must be a list of ${what}s, e.g. [${example}]` })
    .superRefine((list, ctx) => {
      list.forEach((value, i) => {
        if (!SLUG.test(value)) ctx.addIssue({ code: 'custom', path: [i], message: slugProblem(value, example.split(', ')[0] ?? example) });
      });
      const seen = list.filter((v, i) => list.indexOf(v) !== i);
      if (seen.length > 0) ctx.addIssue({ code: 'custom', message: `names "${seen[0]}" twice` });
    });

export const frontMatterSchema = z.strictObject({
  title: text(200, 'the headline'),
  summary: text(600, 'one or two sentences that say what happened'),
  published: dateTime,
  updated: dateTime.optional(),
  author: text(120, 'the byline, e.g. 邵微 or Shao Wei'),
  tags: slugList('tag', 'study-at-hit, open-source').min(1, 'is an empty list; expected at least one tag, e.g. [study-at-hit]'),
  image: z
    .strictObject(
      { src: imageSource, alt: text(300, 'a short description of the picture for readers who cannot see it') },
      {
        error: (i) =>
          typeof i.input === 'string'
            ? `needs its description too: image: { src: ${i.input}, alt: what the picture shows }`
            : 'must be two lines, "src: photo.jpg" (a picture beside the article, or an https:// address) and "alt: ..." indented under "image:"',
      },
    )
    .optional(),
  original: absoluteUrl('link').optional(),
  draft: z.boolean({ error: 'must be true or false' }).optional(),
  /** Former slugs of a renamed article, oldest first: they answer 301 and keep the article's feed id. */
  redirect_from: slugList('former slug', 'old-slug').optional(),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const FRONT_MATTER_FIELDS = Object.keys(frontMatterSchema.shape);

export const siteSchema = z.strictObject({
  title: text(200, 'the feed title'),
  description: text(600, 'one sentence about the feeds'),
  publisher: text(200, "the publisher's name"),
  homePage: absoluteUrl('link'),
  rights: text(300, 'the copyright line'),
  attribution: text(600, 'how to credit the publisher'),
  licenseUrl: absoluteUrl('link').optional(),
  /** Square image for readers' feed lists; default: the site's /icons/icon-512.png. */
  icon: absoluteUrl('image').optional(),
  /** Wide logo (PNG, JPEG or GIF, for RSS <image> and Atom <logo>). */
  logo: absoluteUrl('image')
    .refine((s) => /\.(png|jpe?g|gif)$/i.test(URL.canParse(s) ? new URL(s).pathname : s), {
      message: 'must be a PNG, JPEG or GIF image URL (RSS allows no other)',
    })
    .optional(),
  tags: z.record(z.string().regex(SLUG, 'tag slugs must be lower-case words joined by hyphens'), text(60, 'the label of the tag')),
});
