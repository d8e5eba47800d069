package fr.pyramidesnoires.timing.account;

import fr.pyramidesnoires.signin.SignInGuard;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Checks HTTP Basic credentials against the accounts table, through the platform's sign-in guard. */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** The attribute holding the account's {@link Scope}: a volunteer's points, a device's mats. */
    public static final String SCOPE = "scope";

    final SignInGuard guard;

    AccountIdentityProvider(SignInGuard guard) {
        this.guard = guard;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Account account = guard.check(request,
                    name -> QuarkusTransaction.requiringNew().call(() -> Account.named(name)), a -> a.password);
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(account.username))
                    .addRoles(Set.of(account.roles.split(",")));
            if (account.scope != null) {
                identity.addAttribute(SCOPE, Scope.parse(account.scope));
            }
            return identity.build();
        });
    }
}
