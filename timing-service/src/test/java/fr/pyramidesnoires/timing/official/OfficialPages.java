package fr.pyramidesnoires.timing.official;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** An official's browser on the timing pages: signed in, forms posted from a given site, redirects not followed. */
public final class OfficialPages {

    private OfficialPages() {
    }

    public static RequestSpecification official() {
        return given().auth().preemptive().basic("judge", "judge-secret");
    }

    public static ValidatableResponse post(String path, Map<String, String> form, String origin) {
        return official().header("Origin", origin).contentType(ContentType.URLENC).formParams(form)
                .redirects().follow(false).when().post(path).then();
    }

    /** The site the pages come from, which their forms name as their Origin. */
    public static String ourOrigin() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    public static String page(String path) {
        return official().accept(ContentType.HTML).when().get(path).then().statusCode(200).extract().asString();
    }
}
