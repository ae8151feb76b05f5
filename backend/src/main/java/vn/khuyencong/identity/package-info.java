/**
 * Who is acting: sign-in (the embedded authorization server or an external OIDC issuer), tokens, roles,
 * organisations and officers' agencies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package vn.khuyencong.identity;
