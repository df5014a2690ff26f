/** The input contract of content/: zod schemas for site metadata and article front matter. */
import { z } from 'zod';

/** Tag slugs and article slugs: lower-case ASCII words joined by hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const RFC3339_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

const plainText = (max: number) =>
  z
    .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `is longer than ${max} characters`)
    .refine((s) => !s.includes(']]>'), 'must not contain "]]>"');

const dateTime = z
  .string({
    error: (i) =>
      i.input === undefined ? 'is required' : 'must be a quoted or plain ISO 8601 date-time such as 2025-09-05T09:00:00+08:00',
  })
  .refine((s) => RFC3339_WITH_OFFSET.test(s), {
    error: (issue) =>
      /^\d{4}-\d{2}-\d{2}(T[\d:.]+)?$/.test(String(issue.input))
        ? `"${String(issue.input)}" has no UTC offset; expected ISO 8601 with an offset, e.g. 2025-09-05T09:00:00+08:00`
        : `"${String(issue.input)}" is not a date-time; expected ISO 8601 with an offset, e.g. 2025-09-05T09:00:00+08:00`,
    abort: true,
  })
  .refine((s) => !Number.isNaN(Date.parse(s)), { error: (issue) => `"${String(issue.input)}" is not a real date` });

const absoluteUrl = z
  .string({ error: 'must be an absolute http(s) URL' })
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), {
    message: 'must be an absolute http(s) URL, e.g. https://cie.hit.edu.cn/...',
  });

export const frontMatterSchema = z.strictObject({
  title: plainText(200),
  summary: plainText(600),
  published: dateTime,
  updated: dateTime.optional(),
  author: plainText(120),
  tags: z
    .array(z.string().regex(SLUG, 'each tag must be a slug such as open-source'), {
      error: 'must be a list of tag slugs, e.g. [study-at-hit, open-source]',
    })
    .min(1, 'must name at least one tag'),
  image: z.strictObject({ src: absoluteUrl, alt: plainText(300) }).optional(),
  original: absoluteUrl.optional(),
  draft: z.boolean({ error: 'must be true or false' }).optional(),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const siteSchema = z.strictObject({
  title: plainText(200),
  description: plainText(600),
  publisher: plainText(200),
  homePage: absoluteUrl,
  rights: plainText(300),
  attribution: plainText(600),
  licenseUrl: absoluteUrl.optional(),
  /** Square image for readers' feed lists; default: the site's /favicon.svg. */
  icon: absoluteUrl.optional(),
  /** Wide logo (PNG, JPEG or GIF, for RSS <image> and Atom <logo>). */
  logo: absoluteUrl
    .refine((s) => /\.(png|jpe?g|gif)$/i.test(new URL(s).pathname), {
      message: 'must be a PNG, JPEG or GIF image URL (RSS allows no other)',
    })
    .optional(),
  tags: z.record(
    z.string().regex(SLUG, 'tag slugs must be lower-case words joined by hyphens'),
    plainText(60).refine((s) => !/[<>]/.test(s), 'must not contain < or >'),
  ),
});
export type SiteInput = z.infer<typeof siteSchema>;
