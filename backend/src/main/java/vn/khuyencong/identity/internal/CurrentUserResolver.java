package vn.khuyencong.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.shared.ProblemException;

/** Turns the validated access token into the {@link CurrentUser} a controller asks for. */
@Component
class CurrentUserResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class;
    }

    @Override
    public CurrentUser resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException("No token");
        }
        return fromToken(token);
    }

    static CurrentUser fromToken(JwtAuthenticationToken token) {
        Jwt jwt = token.getToken();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        token.getAuthorities().stream()
                .map(authority -> authority.getAuthority())
                .filter(name -> name != null && name.startsWith("ROLE_"))
                .forEach(name -> roles.add(Role.valueOf(name.substring("ROLE_".length()))));
        if (roles.isEmpty()) {
            throw new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "forbidden", "Không có quyền",
                    "Tài khoản chưa được cấp vai trò nào trong hệ thống.", List.of(), java.util.Map.of());
        }
        String username = jwt.getClaimAsString("preferred_username");
        String name = jwt.getClaimAsString("name");
        String organisation = jwt.getClaimAsString("org");
        return new CurrentUser(jwt.getSubject(), username != null ? username : jwt.getSubject(),
                name != null ? name : (username != null ? username : jwt.getSubject()), roles,
                organisation != null ? UUID.fromString(organisation) : null, jwt.getClaimAsString("agency"));
    }
}
