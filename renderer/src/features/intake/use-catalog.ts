import { useEffect, useState } from 'react';
import type { Catalog } from '../../../../shared/domain';
import { request } from '../../api/api';

let cached: Promise<Catalog> | null = null;

/** The service catalog, fetched once per session: it changes only with a new build or a sync. */
export function useCatalog(): Catalog | null {
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  useEffect(() => {
    cached ??= request('catalog', {});
    let live = true;
    cached.then((c) => live && setCatalog(c)).catch(() => {
      cached = null;
    });
    return () => {
      live = false;
    };
  }, []);
  return catalog;
}
