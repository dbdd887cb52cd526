/**
 * @module config/schema
 * The configuration file's schema: one zod object, with every default in one place. The file is
 * read once at start-up, validated, frozen and passed down (no module-level globals).
 */
import { z } from 'zod';

const feedSchema = z.object({
  url: z.string().url(),
  title: z.string().optional(),
});

export const configSchema = z
  .object({
    site: z
      .object({
        title: z.string().default('Tributary'),
        tagline: z.string().default('Many feeds, one river'),
        /** Absolute URL the site is served from; used in output feeds and WebSub. */
        baseUrl: z.string().url().nullable().default(null),
        pageSize: z.number().int().min(1).max(500).default(20),
        /** `{author}`, `{link}`, `{source}` and `{title}` are replaced; empty placeholders collapse. */
        attribution: z.string().default('Post Syndicated from {author} original {link}'),
        /** Folder with templates and assets overriding the default theme. */
        theme: z.string().nullable().default(null),
        /** A feed failing (no success) for longer than this is flagged as failing on the sources and status pages. */
        failingAfterHours: z.number().positive().default(24),
        /** Play YouTube items in the page (youtube-nocookie.com player) instead of a thumbnail linking to the video. */
        embedVideos: z.boolean().default(false),
        /** Show items folded to an excerpt (with <details>) instead of in full. */
        excerpts: z.boolean().default(false),
      })
      .default({}),
    fetch: z
      .object({
        userAgent: z.string().nullable().default(null),
        connectTimeoutMs: z.number().int().positive().default(10_000),
        headersTimeoutMs: z.number().int().positive().default(15_000),
        idleBodyTimeoutMs: z.number().int().positive().default(15_000),
        totalTimeoutMs: z.number().int().positive().default(30_000),
        maxBodyBytes: z.number().int().positive().default(10 * 1024 * 1024),
        maxRedirects: z.number().int().min(0).max(20).default(5),
        concurrency: z.number().int().positive().default(16),
        perHostConcurrency: z.number().int().positive().default(2),
        /** Hosts, host:port pairs, IPs and CIDR ranges that may be fetched although private. */
        allowPrivate: z.array(z.string()).default([]),
      })
      .default({}),
    schedule: z
      .object({
        minIntervalMinutes: z.number().positive().default(15),
        maxIntervalMinutes: z.number().positive().default(24 * 60),
      })
      .default({}),
    clean: z
      .object({
        /** Extra iframe hosts allowed besides the built-in video hosts. */
        embeds: z.array(z.string()).default([]),
      })
      .default({}),
    feeds: z.array(feedSchema).default([]),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
