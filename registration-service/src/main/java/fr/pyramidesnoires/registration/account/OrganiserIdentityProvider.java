package fr.pyramidesnoires.registration.account;

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

/**
 * HTTP Basic credentials checked against the organiser accounts, through the platform's sign-in guard; bcrypt runs
 * off the event loop.
 */
@ApplicationScoped
public class OrganiserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    final SignInGuard guard;

    OrganiserIdentityProvider(SignInGuard guard) {
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
            OrganiserAccount account = guard.check(request,
                    name -> QuarkusTransaction.requiringNew().call(() -> OrganiserAccount.named(name)),
                    a -> a.passwordHash);
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(account.username))
                    .addRole(OrganiserAccount.ROLE)
                    .build();
        });
    }
}
