package fr.pyramidesnoires.registration.certificate;

import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;

public class CertificateRefused extends ProblemException {

    CertificateRefused(int status, String rule, String reason) {
        super(Problem.of(status, rule, "Certificat refusé / Certificate refused", reason));
    }
}
