// The Mode pages the wizard opens in the browser (through app.openExternal, whose allow-list admits them).
export const MODE_LINKS = {
  /** Sign in; from there the avatar menu leads to Workspace Settings. */
  app: 'https://app.mode.com/',
  /** Mode's own guide to API keys (creating workspace and member keys). */
  apiGuide: 'https://mode.com/help/articles/api-reference/',
} as const

