package ru.otklik.analysis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-analyst", roles = "analyst")
class AnalyzeResourceTest {

    @Test
    void analysesATextWithTheShippedModels() {
        given().contentType(ContentType.JSON)
                .body("{\"id\": \"a1\", \"text\": \"В Новомосковске третий день нет воды, управляющая компания не отвечает\"}")
                .post("/api/analyze").then().statusCode(200)
                .body("id", equalTo("a1"))
                .body("lang", equalTo("ru"))
                .body("complaint.label", equalTo("complaint"))
                .body("places.municipality", hasItem("novomoskovsk"))
                .body("agency.decided_by", notNullValue())
                .body("modelVersions.topic", notNullValue());
    }

    @Test
    void theAgencyIsOneOfTheRegionsEvenWhenTheShippedModelLearnedAnotherRegion() {
        // The shipped agency model learned Kursk's agencies and is sure of this one (the analyze command
        // prints "Комитет здравоохранения Курской области"); the service answers with Tula's.
        given().contentType(ContentType.JSON)
                .body("{\"text\": \"В поликлинике невозможно записаться к врачу, регистратура не отвечает\"}")
                .post("/api/analyze").then().statusCode(200)
                .body("topic.label", equalTo("health"))
                .body("agency.name", equalTo("Министерство здравоохранения Тульской области"))
                .body("agency.decided_by", equalTo("routing"));
    }

    @Test
    void anEmptyTextIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"text\": \"  \"}").post("/api/analyze").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
