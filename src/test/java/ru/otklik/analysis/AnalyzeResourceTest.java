package ru.otklik.analysis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.otklik.nlp.PostAnalysis;

@QuarkusTest
@TestSecurity(user = "test-analyst", roles = "analyst")
class AnalyzeResourceTest {

    @Inject
    NlpPostAnalyzer analyzer;

    @Test
    void analysesATextWithTheShippedModels() {
        given().contentType(ContentType.JSON)
                .body("{\"id\": \"a1\", \"text\": \"В Новомосковске третий день нет воды, управляющая компания не отвечает\"}")
                .post("/api/analyze").then().statusCode(200)
                .body("id", equalTo("a1"))
                .body("lang", equalTo("ru"))
                .body("complaint.label", equalTo("complaint"))
                .body("incidentType", equalTo("problem"))
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
    void theApiNamesTheAgencyTheServiceStores() {
        for (String text : List.of("Огромные ямы на дороге, машины бьют колёса",
                "В Новомосковске третий день нет воды, управляющая компания не отвечает",
                "Во дворе разбили детскую площадку, качели сломаны",
                "В поликлинике невозможно записаться к врачу")) {
            AnalysisResult.AgencyChoice stored = analyzer.analyze(text).agency();
            PostAnalysis.AgencyDecision api = analyzer.analyzeForApi("x", text).agency();
            assertThat(api.name()).as(text).isEqualTo(stored.name());
            assertThat(api.decidedBy()).as(text).isEqualTo(stored.decidedBy());
        }
    }

    @Test
    void aQuestionToTheAuthoritiesIsAnIncidentOfTypeQuestionAndChatterIsNone() {
        given().contentType(ContentType.JSON)
                .body("{\"text\": \"[club123|Администрация Тулы], подскажите, когда дадут горячую воду на Пролетарской?\"}")
                .post("/api/analyze").then().statusCode(200)
                .body("complaint.label", equalTo("complaint"))
                .body("incidentType", equalTo("question"))
                .body("explanation.complaintDecidedBy", notNullValue());
        given().contentType(ContentType.JSON).body("{\"text\": \"погода сегодня супер, идём гулять\"}")
                .post("/api/analyze").then().statusCode(200)
                .body("complaint.label", equalTo("none"))
                .body("incidentType", nullValue());
        assertThat(analyzer.analyze("хотелось бы, чтобы во дворе поставили горку").incidentType()).isEqualTo("question");
    }

    @Test
    void inappropriateIsAFieldOfItsOwnBesideConflict() {
        // a calm question on a sensitive topic: inappropriate in Skoltech's sense, no conflict
        given().contentType(ContentType.JSON)
                .body("{\"text\": \"Как обойти блокировку и скачать фильм бесплатно без регистрации?\"}")
                .post("/api/analyze").then().statusCode(200)
                .body("conflict.label", equalTo("none"))
                .body("inappropriate.label", equalTo("inappropriate"))
                .body("inappropriate.score", notNullValue());
        given().contentType(ContentType.JSON)
                .body("{\"text\": \"Спасибо за новый сквер у школы, очень красиво\"}")
                .post("/api/analyze").then().statusCode(200)
                .body("inappropriate.label", equalTo("none"));
    }

    @Test
    void anEmptyTextIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"text\": \"  \"}").post("/api/analyze").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
