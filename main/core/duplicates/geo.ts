/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_M = 6_371_008.8;
const METRES_PER_DEGREE_LAT = (Math.PI * EARTH_RADIUS_M) / 180;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

export interface Point {
  lat: number;
  lng: number;
}

/** Great-circle distance in metres (haversine): exact enough at a city's scale, and cheap. */
export function distanceMetres(a: Point, b: Point): number {
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Box {
  south: number;
  north: number;
  west: number;
  east: number;
}

/**
 * A latitude/longitude box holding every point within `metres` of the centre, for an index range
 * scan; the haversine distance then drops the corners. Slightly generous so that rounding never
 * loses a point on the circle. A box across the antimeridian is not split: no city straddles it.
 */
export function boundingBox(centre: Point, metres: number): Box {
  const dLat = (metres / METRES_PER_DEGREE_LAT) * 1.001;
  // Longitude degrees shrink towards the poles; the cap keeps the box finite near them.
  const cosLat = Math.max(Math.cos(radians(Math.min(89, Math.abs(centre.lat) + dLat))), 0.01);
  const dLng = dLat / cosLat;
  return { south: centre.lat - dLat, north: centre.lat + dLat, west: centre.lng - dLng, east: centre.lng + dLng };
}
