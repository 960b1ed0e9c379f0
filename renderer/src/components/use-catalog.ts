import { useEffect, useState } from 'react';
import type { Catalog } from '../../../shared/domain';
import { request } from '../api/api';

let catalogRequest: Promise<Catalog> | null = null;

/** The catalog changes only with an app update, so one request serves every screen of the session. */
function loadCatalog(): Promise<Catalog> {
  catalogRequest ??= request('catalog', {}).catch((error: unknown) => {
    catalogRequest = null;
    throw error;
  });
  return catalogRequest;
}

export interface CatalogNames {
  catalog: Catalog | null;
  serviceName: (code: string) => string;
  departmentName: (code: string) => string;
}

function namesOf(catalog: Catalog | null): CatalogNames {
  const services = new Map(catalog?.serviceTypes.map((t) => [t.code, t.name]));
  const departments = new Map(catalog?.departments.map((d) => [d.code, d.name]));
  return {
    catalog,
    serviceName: (code) => services.get(code) ?? code,
    departmentName: (code) => departments.get(code) ?? code,
  };
}

/** The service catalog and name look-ups; codes stand in for names until it arrives (or if it cannot). */
export function useCatalog(): CatalogNames {
  const [names, setNames] = useState(() => namesOf(null));
  useEffect(() => {
    let live = true;
    loadCatalog().then(
      (catalog) => live && setNames(namesOf(catalog)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return names;
}

/** Names of the agent profiles on this desk, by id, for the timeline; unknown ids show as they are. */
export function useAgentNames(): (id: string) => string {
  const [agents, setAgents] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    request('deskInfo', {}).then(
      (desk) => live && setAgents(new Map(desk.agents.map((a) => [a.id, a.name]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return (id) => agents.get(id) ?? id;
}
