package vn.khuyencong.identity.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import vn.khuyencong.identity.Role;

/**
 * Three filter chains, in order: the embedded authorization server's endpoints (only when it runs), the API
 * as a stateless OAuth2 resource server, and the rest of the site (the frontend's files, the login page).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    @ConditionalOnExpression("'${kc.identity.issuer-uri:}'.isBlank()")
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, JwtAuthenticationConverter converter,
            ProblemSecurityHandlers problems) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/public/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/catalog/**").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain siteChain(HttpSecurity http, IdentityProperties identity) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        if (identity.embedded()) {
            http.formLogin(login -> login.loginPage("/login").permitAll());
        }
        else {
            http.formLogin(login -> login.disable());
        }
        return http.build();
    }

    /** Roles come from a configurable claim path: {@code roles} (embedded) or {@code realm_access.roles} (Keycloak). */
    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter(IdentityProperties identity) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> authorities(jwt, identity.rolesClaim()));
        return converter;
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt, String claimPath) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : RoleClaims.read(jwt.getClaims(), claimPath)) {
            try {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + Role.valueOf(role).name()));
            }
            catch (IllegalArgumentException ignored) {
                // roles of other applications in the same realm mean nothing here
            }
        }
        return authorities;
    }

    /** External issuer: keys from its JWKS, issuer and (when configured) audience checked. */
    @Bean
    @ConditionalOnExpression("!'${kc.identity.issuer-uri:}'.isBlank()")
    JwtDecoder externalJwtDecoder(IdentityProperties identity) {
        NimbusJwtDecoder decoder = identity.jwkSetUri() == null || identity.jwkSetUri().isBlank()
                ? NimbusJwtDecoder.withIssuerLocation(identity.issuerUri()).build()
                : NimbusJwtDecoder.withJwkSetUri(identity.jwkSetUri()).build();
        decoder.setJwtValidator(validator(identity.issuerUri(), identity.audience()));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(issuer));
        if (audience != null && !audience.isBlank()) {
            validators.add(jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                            "The token is not meant for this service", null)));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /** Claim paths are dot-separated; the value is a list of strings (or one string). */
    static final class RoleClaims {

        private RoleClaims() {
        }

        static List<String> read(Map<String, Object> claims, String path) {
            Object value = claims;
            for (String part : path.split("\\.")) {
                if (!(value instanceof Map<?, ?> map)) {
                    return List.of();
                }
                value = map.get(part);
            }
            if (value instanceof Collection<?> values) {
                return values.stream().map(String::valueOf).toList();
            }
            return value instanceof String single ? List.of(single) : List.of();
        }
    }
}
