/** The claims of an ID token that name a person (OpenID Connect standard claims). */
export interface NameClaims {
  name?: string;
  family_name?: string;
  middle_name?: string;
  given_name?: string;
}

/**
 * A person's name in Vietnamese order, family name first ("Nguyễn Văn An"), from the parts the identity provider
 * gives; its `name` claim otherwise, which some providers write in Western order.
 */
export function vietnameseName(claims: NameClaims): string | undefined {
  const parts = [claims.family_name, claims.middle_name, claims.given_name]
    .map((part) => part?.trim())
    .filter((part): part is string => Boolean(part));
  if (claims.family_name?.trim() || claims.given_name?.trim()) return parts.join(' ');
  return claims.name?.trim() || undefined;
}
