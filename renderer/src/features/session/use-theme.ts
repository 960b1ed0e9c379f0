import { useCallback, useEffect, useState } from 'react';

const KEY = 'civicdesk.theme';

export function useTheme(): [string, () => void] {
  const [theme, setTheme] = useState(
    () => localStorage.getItem(KEY) ?? (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'),
  );
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem(KEY, theme);
  }, [theme]);
  return [theme, useCallback(() => setTheme((t) => (t === 'dark' ? 'light' : 'dark')), [])];
}
