import type { BlockContext } from '../document/types.ts';

type Landmark = NonNullable<BlockContext['landmark']>;

const TAGS: Record<string, Landmark> = {
  NAV: 'nav',
  HEADER: 'header',
  FOOTER: 'footer',
  ASIDE: 'aside',
};

const ROLES: Record<string, Landmark> = {
  navigation: 'nav',
  banner: 'header',
  contentinfo: 'footer',
  complementary: 'aside',
  menu: 'nav',
  menubar: 'nav',
};

// Checked in this order: a "share-bar" inside a "footer" is a share widget first.
const NAMES: [Landmark, RegExp][] = [
  ['share', /share|sharing|social|addtoany|a2a_|sociable|sharedaddy|follow-us/],
  ['comments', /comment|disqus|respond|replies|discussion/],
  [
    'related',
    /related|recommend|more-stories|morestories|read-?more|readmore|outbrain|taboola|also-?like|trending|popular|most-read|mostread|newsletter|promo|teaser|next-up|up-next/,
  ],
  [
    'nav',
    /(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|pagination|pager|skip-?link)(?:$|[\s_-])/,
  ],
  ['aside', /sidebar|side-bar|widget|(?:^|[\s_-])rail(?:$|[\s_-])|(?:^|[\s_-])aside(?:$|[\s_-])/],
  ['footer', /(?:^|[\s_-])footer|site-?info|colophon/],
  ['header', /masthead|site-?header|(?:^|[\s_-])topbar(?:$|[\s_-])/],
];

const MAX_NAME = 300;

/** The landmark or widget an element is, from its tag, ARIA role, id and classes. */
export function landmarkOf(element: Element, insideArticle: boolean): Landmark | null {
  const tag = TAGS[element.tagName];
  // An <article>'s own <header> and <footer> hold its title, byline, tags and notices.
  if (tag && !(insideArticle && (tag === 'header' || tag === 'footer'))) return tag;
  const role = ROLES[(element.getAttribute('role') ?? '').toLowerCase()];
  if (role) return role;
  const names = `${element.getAttribute('id') ?? ''} ${element.getAttribute('class') ?? ''}`
    .slice(0, MAX_NAME)
    .toLowerCase();
  if (names.length < 2) return null;
  for (const [landmark, re] of NAMES) {
    if (re.test(names)) {
      if (insideArticle && (landmark === 'header' || landmark === 'footer')) continue;
      return landmark;
    }
  }
  return null;
}
