/**
 * @module config/starter
 * The commented tributary.yaml that `tributary init` writes.
 */

/** The starter configuration, every option shown with its default. */
export function starterConfigYaml(): string {
  return `# tributary.yaml — configuration of a tributary river site.
# Every key is optional; the values shown are the defaults.

site:
  # Shown in the page header and in the output feeds.
  title: Tributary
  # Shown under the title and as the last line of the river.
  tagline: Many feeds, one river
  # Public URL of the site (absolute); used for links in atom.xml/rss.xml/feed.json.
  baseUrl: null
  # Items per river page.
  pageSize: 20
  # The line under each item's title. Placeholders: {author} {link} {source} {title}.
  attribution: "Post Syndicated from {author} original {link}"
  # A folder with templates/assets overriding the default theme (copy themes/default to start).
  theme: null
  # A feed with no successful fetch for this long is flagged "failing" (sources page, /status, feeds --json).
  failingAfterHours: 24
  # Play YouTube videos in the page (via youtube-nocookie.com) instead of a thumbnail linking to them.
  embedVideos: false
  # Fold long items behind a "Read more" (<details>) on the river.
  excerpts: false

fetch:
  # Sent with every request; the default names tributary and its version.
  userAgent: null
  connectTimeoutMs: 10000
  # Time to the response headers, longest pause inside the body, and the whole request.
  headersTimeoutMs: 15000
  idleBodyTimeoutMs: 15000
  totalTimeoutMs: 30000
  # Largest body accepted, after decompression.
  maxBodyBytes: 10485760
  maxRedirects: 5
  # Feeds fetched at once, and at once per host.
  concurrency: 16
  perHostConcurrency: 2
  # Hosts, host:port pairs, IPs or CIDR ranges that may be fetched although they are private
  # (loopback, LAN). --allow-private on the command line allows all.
  allowPrivate: []

schedule:
  # Bounds of the polling interval of each feed.
  minIntervalMinutes: 15
  maxIntervalMinutes: 1440

clean:
  # Extra hosts whose iframes are kept (the built-in list covers YouTube and Vimeo).
  embeds: []

# Subscriptions. \`tributary add URL\` and \`tributary import FILE.opml\` add to the database;
# feeds listed here are added on every start.
feeds: []
#  - url: https://lwn.net/headlines/newrss
#    title: LWN.net
`;
}
