package vn.khuyencong.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.shared.RateLimits;

/**
 * Three filter chains, in order: the embedded authorization server's endpoints (only when it runs), the API as a
 * stateless OAuth2 resource server, and the rest of the site (the frontend's files, the sign-in and registration
 * pages). Around them: a rate-limit filter, security headers on every response, CORS for the configured origins.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * No observation around each security filter: wrapping every filter of every request cost more than the
     * transition the request carries. HTTP requests are still observed as a whole.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    @ConditionalOnExpression("'${kc.identity.issuer-uri:}'.isBlank()")
    SecurityFilterChain authorizationServerChain(
            HttpSecurity http,
            @Qualifier("corsConfigurationSource") CorsConfigurationSource cors,
            RegisteredClientRepository clients)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(
                        authorizationServer,
                        server -> server.clientAuthentication(
                                        client -> client.authenticationConverter(SessionRefreshTokens.converter())
                                                .authenticationProvider(SessionRefreshTokens.provider(clients)))
                                .oidc(oidc -> oidc.logoutEndpoint(
                                        logout -> logout.errorResponseHandler(SecurityConfiguration::signOutAnyway))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .cors(c -> c.configurationSource(cors))
                .headers(headers -> apiHeaders(headers));
        return http.build();
    }

    /**
     * A sign-out the server cannot match to the session it holds (an ID token replaced by a renewal, a session that
     * ended meanwhile) still signs the person out here, and goes back to the app's home page rather than showing an
     * error: on a shared computer, "Đăng xuất" must never leave the account signed in.
     */
    static void signOutAnyway(HttpServletRequest request, HttpServletResponse response, AuthenticationException error)
            throws IOException {
        new SecurityContextLogoutHandler().logout(request, response, null);
        response.sendRedirect(request.getContextPath() + "/?signedOut");
    }

    /**
     * Actuator: health (the load balancer's and the orchestrator's probes) and info for anyone; the metrics only for
     * the scraper inside the network; nothing else is exposed.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/prometheus")
                        .access(fromInsideTheNetwork())
                        .anyRequest()
                        .permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> apiHeaders(headers))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.FORBIDDEN)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            Converter<Jwt, AbstractAuthenticationToken> authentication,
            ProblemSecurityHandlers problems,
            @Qualifier("corsConfigurationSource") CorsConfigurationSource cors)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/public/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/catalog/**")
                        .permitAll()
                        // administration: the role is checked before anything else, the body included
                        .requestMatchers("/api/v1/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/v1/admin/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/organisation/**")
                        .hasRole(Role.ENTERPRISE.name())
                        .anyRequest()
                        .authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .cors(c -> c.configurationSource(cors))
                .headers(headers -> apiHeaders(headers))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterAfter(
                        new OnboardingGate(problems),
                        org.springframework.security.oauth2.server.resource.web.authentication
                                .BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain siteChain(
            HttpSecurity http,
            IdentityProperties identity,
            SecuritySettings settings,
            SecurityEvents events,
            UserAccounts accounts,
            RequestRateLimitFilter throttle,
            Clock clock,
            @Value("${kc.public-url}") String publicUrl)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers.addHeaderWriter(siteContentSecurityPolicy(identity, settings, publicUrl))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
        if (identity.embedded()) {
            SignInHandlers handlers = new SignInHandlers(events, accounts, throttle, clock);
            http.formLogin(login -> login.loginPage("/login")
                    .permitAll()
                    .successHandler(handlers)
                    .failureHandler(handlers));
        } else {
            http.formLogin(login -> login.disable());
        }
        return http.build();
    }

    /**
     * Loopback and private networks only: the metrics scraper runs beside the instances, whereas a client coming
     * through the proxy is seen at its own address (forwarded headers).
     */
    static AuthorizationManager<RequestAuthorizationContext> fromInsideTheNetwork() {
        List<IpAddressMatcher> inside =
                List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7").stream()
                        .map(IpAddressMatcher::new)
                        .toList();
        return (authentication, context) ->
                new AuthorizationDecision(inside.stream().anyMatch(network -> network.matches(context.getRequest())));
    }

    private static void apiHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
    }

    /**
     * The frontend, the sign-in and registration pages: nothing inline, nothing from elsewhere but the external
     * issuer the frontend signs in with and the origins allowed to receive the sign-in redirect; images and frames
     * also from blob: URLs, for the preview of a stored document read with the token. Swagger UI needs inline
     * styles and data: images.
     */
    static HeaderWriter siteContentSecurityPolicy(
            IdentityProperties identity, SecuritySettings settings, String publicUrl) {
        Set<String> elsewhere = new LinkedHashSet<>();
        if (!identity.embedded()) {
            elsewhere.add(origin(identity.issuerUri()));
        }
        Set<String> redirects = new LinkedHashSet<>(settings.allowedOrigins());
        redirects.add(origin(publicUrl));
        String issuer = elsewhere.isEmpty() ? "" : " " + String.join(" ", elsewhere);
        String site = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "font-src 'self'; connect-src 'self'" + issuer + "; frame-src 'self' blob:" + issuer
                + "; form-action 'self' " + String.join(" ", redirects) + issuer
                + "; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
        String swagger =
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
        return (request, response) -> {
            if (!response.containsHeader("Content-Security-Policy")) {
                response.setHeader(
                        "Content-Security-Policy", request.getRequestURI().startsWith("/swagger-ui") ? swagger : site);
            }
        };
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /** Hashes with the current default (bcrypt), still reading hashes made with older encodings. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The API and the token endpoints answer pages of the allowed origins; with none, only the site's own pages. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(SecuritySettings settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (settings.allowedOrigins().isEmpty()) {
            return source;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(
                HttpHeaders.AUTHORIZATION,
                HttpHeaders.CONTENT_TYPE,
                HttpHeaders.ACCEPT,
                HttpHeaders.ACCEPT_LANGUAGE,
                HttpHeaders.IF_MATCH,
                "Idempotency-Key",
                "traceparent"));
        cors.setExposedHeaders(List.of(
                HttpHeaders.LOCATION,
                HttpHeaders.RETRY_AFTER,
                HttpHeaders.CONTENT_DISPOSITION,
                HttpHeaders.WWW_AUTHENTICATE,
                "X-Request-Id",
                "X-Trace-Id"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        for (String path :
                List.of("/api/**", "/oauth2/token", "/oauth2/jwks", "/oauth2/revoke", "/.well-known/**", "/userinfo")) {
            source.registerCorsConfiguration(path, cors);
        }
        return source;
    }

    @Bean
    RequestRateLimitFilter requestRateLimitFilter(
            RateLimits limits,
            SecuritySettings settings,
            SecurityEvents events,
            ITemplateEngine templates,
            JsonMapper json) {
        return new RequestRateLimitFilter(limits, settings.rateLimits(), events, templates, json);
    }

    /** Before Spring Security's filters (order -100): a throttled request costs no token check nor session. */
    @Bean
    FilterRegistrationBean<RequestRateLimitFilter> requestRateLimitFilterRegistration(RequestRateLimitFilter filter) {
        FilterRegistrationBean<RequestRateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(-110);
        registration.setName("requestRateLimitFilter");
        return registration;
    }

    /**
     * Who the bearer of a token is. With the embedded server the account is read on every request, so a disabled
     * account, a removed member or a changed role takes effect at once rather than when the token expires. With an
     * external issuer the token's claims are the truth for roles (the configured claim) and the agency; the account
     * (made on the first sign-in) holds the organisation the person registered or the claims named.
     */
    @Bean
    Converter<Jwt, AbstractAuthenticationToken> jwtAuthentication(
            IdentityProperties identity, UserAccounts accounts, ObjectProvider<ExternalAccounts> externalAccounts) {
        if (identity.embedded()) {
            return jwt -> {
                UserAccounts.Account account = accounts.find(jwt.getSubject())
                        .filter(UserAccounts.Account::enabled)
                        .orElseThrow(() -> new InvalidBearerTokenException("The account is unknown or disabled"));
                Set<Role> roles =
                        account.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.roles());
                return new UserAuthentication(
                        jwt,
                        authorities(roles),
                        new CurrentUser(
                                jwt.getSubject(),
                                account.username(),
                                account.displayName(),
                                roles,
                                account.organisationId(),
                                account.agencyCode()),
                        null);
            };
        }
        ExternalAccounts external = externalAccounts.getObject();
        return jwt -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String name : RoleClaims.read(jwt.getClaims(), identity.rolesClaim())) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role); // roles of other applications in the same realm mean nothing here
                    }
                }
            }
            ExternalAccounts.SignedIn signedIn = external.signIn(jwt, roles, clientIp());
            UserAccounts.Account account = signedIn.account();
            return new UserAuthentication(
                    jwt,
                    authorities(signedIn.roles()),
                    new CurrentUser(
                            jwt.getSubject(),
                            account.username(),
                            account.displayName(),
                            signedIn.roles(),
                            account.organisationId(),
                            signedIn.agencyCode()),
                    signedIn);
        };
    }

    private static String clientIp() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getRemoteAddr()
                : null;
    }

    static Collection<GrantedAuthority> authorities(Set<Role> roles) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        return authorities;
    }

    /** The authenticated bearer of a token, with the {@link CurrentUser} controllers receive. */
    static final class UserAuthentication extends JwtAuthenticationToken {

        private static final long serialVersionUID = 1L;

        private final transient CurrentUser user;

        private final transient ExternalAccounts.SignedIn external;

        UserAuthentication(
                Jwt jwt,
                Collection<? extends GrantedAuthority> authorities,
                CurrentUser user,
                ExternalAccounts.SignedIn external) {
            super(jwt, authorities, user.username());
            this.user = user;
            this.external = external;
        }

        CurrentUser user() {
            return user;
        }

        /** The current request's sign-in through an external issuer, if it is one. */
        static Optional<ExternalAccounts.SignedIn> currentExternal() {
            return SecurityContextHolder.getContext().getAuthentication() instanceof UserAuthentication token
                    ? token.external()
                    : Optional.empty();
        }

        /** With an external issuer: the onboarding still to do, or why the token's claims cannot be honoured. */
        Optional<ExternalAccounts.SignedIn> external() {
            return Optional.ofNullable(external);
        }
    }

    /**
     * External issuer: keys from its JWKS (fetched again every {@code key-set-refresh}, at once for a key id not seen
     * yet, and kept through an outage of the issuer), issuer, expiry and (when configured) audience checked.
     */
    @Bean
    @ConditionalOnExpression("!'${kc.identity.issuer-uri:}'.isBlank()")
    JwtDecoder externalJwtDecoder(IdentityProperties identity, JsonMapper json) {
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(IssuerKeys.processor(identity, json));
        decoder.setJwtValidator(validator(identity.issuerUri(), identity.audience()));
        return new VerifiedTokens(decoder);
    }

    /** Signature aside, a token must come from the issuer, be within its validity and be meant for this service. */
    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(issuer));
        // a token that never expires is refused, however well signed (the default checks exp only when present)
        validators.add(jwt -> jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "The token has no expiry", null)));
        if (audience != null && !audience.isBlank()) {
            validators.add(jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(
                            new OAuth2Error("invalid_token", "The token is not meant for this service", null)));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /** Claim paths are dot-separated; the value is a list of strings (or one string). */
    static final class RoleClaims {

        private RoleClaims() {}

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
