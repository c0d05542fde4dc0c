package ru.otklik.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.otklik.security.Roles;
import ru.otklik.security.TestCredentials;
import ru.otklik.testing.TestDb;

/** The console in a real browser: review with the keyboard, the incident's deadline. Saves screenshots for the docs. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestDb db;

    private Browser browser;
    private final String source = "console-" + UUID.randomUUID();
    private long complaint;
    private String analyst;

    @BeforeAll
    void start() {
        browser = Browser.start();
        // REST Assured learns the random test port only before each test; the data is made before all of them
        RestAssured.port = base.getPort();
        analyst = TestCredentials.user(Roles.ANALYST, null);
        // Published just ahead of every other test's posts: the review queue lists the newest first, so these
        // are on its first page, and no other test's incident is within their grouping window.
        Instant soon = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        complaint = ingest("1", "В Новомосковске на улице Комсомольской огромные ямы у остановки, автобусы их "
                + "объезжают по встречной. Дорогу не ремонтируют третий год!", soon.toString());
        ingest("2", "В Алексине третью неделю нет горячей воды, управляющая компания не отвечает",
                soon.minus(Duration.ofHours(1)).toString());
        ingest("3", "Бродячие собаки у школы в Кимовске, стая собак пугает детей", soon.minus(Duration.ofHours(2)).toString());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private long ingest(String id, String text, String at) {
        return ingest(id, text, at, 420);
    }

    private long ingest(String id, String text, String at, long views) {
        TestCredentials.asAdmin().contentType(ContentType.JSON).body("""
                        [{"source": "%s", "externalId": "%s", "author": "id%s", "url": "https://vk.com/wall-1_%s",
                          "text": "%s", "publishedAt": "%s", "metrics": {"likes": 12, "views": %d}}]"""
                        .formatted(source, id, id, id, text, at, views))
                .post("/api/posts").then().statusCode(200);
        long post = TestCredentials.asAdmin().queryParam("source", source).get("/api/posts").jsonPath()
                .getLong("items.find { it.externalId == '" + id + "' }.id");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                db.count("select count(*) from post where id = ? and analysis_state = 'done'", post) == 1);
        return post;
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(10));
    }

    @Test
    @Order(0)
    void logIn() {
        browser.driver.get(url("/console"));
        WebElement user = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        user.sendKeys(analyst);
        browser.driver.findElement(By.id("j_password")).sendKeys("wrong password");
        browser.driver.findElement(By.id("submit")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));

        browser.driver.findElement(By.id("j_username")).sendKeys(analyst);
        browser.driver.findElement(By.id("j_password")).sendKeys(TestCredentials.PASSWORD);
        browser.screenshot("login");
        browser.driver.findElement(By.id("submit")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("user"), analyst));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/review");
    }

    @Test
    @Order(1)
    void reviewAFlaggedPostAndCorrectItsTopicWithTheKeyboard() {
        browser.driver.get(url("/console/review"));
        WebElement card = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("post-" + complaint)));
        assertThat(card.findElements(By.cssSelector("mark.hl-term"))).extracting(WebElement::getText).contains("ямы");
        assertThat(card.findElements(By.cssSelector("mark.hl-place"))).extracting(WebElement::getText)
                .contains("Новомосковске");
        // analysts see who wrote it
        assertThat(card.findElement(By.cssSelector(".author")).getText()).isEqualTo("id1");
        browser.screenshot("review-queue");

        // j/k walk the queue until our card is the current one
        Actions keys = new Actions(browser.driver);
        for (int i = 0; i < 50 && !card.getAttribute("class").contains("current"); i++) {
            keys.sendKeys("j").perform();
        }
        assertThat(card.getAttribute("class")).contains("current");
        keys.sendKeys("t").perform();
        WebElement topic = card.findElement(By.cssSelector("select[name=topic]"));
        assertThat(browser.driver.switchTo().activeElement()).isEqualTo(topic);
        new Select(topic).selectByValue("transport");
        keys.sendKeys(Keys.ESCAPE).perform();
        keys.sendKeys("c").perform();

        WebElement verdict = waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#post-" + complaint + ".decided.corrected")));
        assertThat(verdict.findElement(By.cssSelector(".new-topic")).getText()).isEqualTo("Общественный транспорт");
        browser.screenshot("review-corrected");

        assertThat(db.rows("select decision, topic, model_topic, reviewer from review where post_id = ?", complaint).get(0))
                .containsEntry("reviewer", analyst).containsEntry("decision", "corrected").containsEntry("topic", "transport")
                .containsEntry("model_topic", "roads");
        assertThat(db.count("select count(*) from incident i join incident_post ip on ip.incident_id = i.id "
                + "where ip.post_id = ? and i.topic = 'transport'", complaint)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void seeAnIncidentsDeadline() {
        long incident = db.count("select incident_id from incident_post where post_id = ?", complaint);
        browser.driver.get(url("/console/incidents"));
        WebElement row = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("incident-" + incident)));
        assertThat(row.findElement(By.cssSelector(".deadline")).getText()).startsWith("осталось");
        browser.screenshot("incident-board");

        row.findElement(By.linkText(String.valueOf(incident))).click();
        WebElement left = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("deadline-left")));
        assertThat(left.getText()).matches("осталось \\d+ д.*");
        assertThat(browser.driver.findElement(By.id("deadline-at")).getText()).matches("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d");
        assertThat(browser.driver.findElement(By.cssSelector(".timeline")).getText()).contains("Исправлен аналитиком");

        // assignment, then the agency's answer, through the workflow's forms
        browser.driver.findElement(By.cssSelector("#assign-form button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("answer-form")));
        WebElement answer = browser.driver.findElement(By.name("answerText"));
        answer.sendKeys("Ямочный ремонт на Комсомольской запланирован на следующую неделю, движение автобусов у остановки проверено.");
        browser.driver.findElement(By.cssSelector("#answer-form button")).click();
        WebElement given = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("answer")));
        assertThat(given.getText()).contains("Ямочный ремонт");
        assertThat(db.rows("select status, answer_text from incident where id = ?", incident).get(0))
                .containsEntry("status", "answered");
        browser.screenshot("incident-page");
    }

    @Test
    @Order(3)
    void ratingsDrawTheirChartsFromTheVendoredECharts() {
        browser.driver.get(url("/console/ratings"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trend-chart svg")));
        assertThat(browser.driver.findElement(By.id("heat")).getText()).contains("Общественный транспорт")
                .contains("Новомосковск");
        assertThat(browser.driver.findElement(By.id("official")).getText())
                .contains("Администрация муниципального образования город Новомосковск");
        assertThat(browser.driver.findElement(By.id("agencies")).getText())
                .contains("Администрация муниципального образования город Новомосковск");
        browser.screenshot("ratings");
    }

    @Test
    @Order(6)
    void filterTheQueueToInappropriateMessages() {
        // a calm question on a sensitive topic: not a complaint or a conflict, so only the filter shows it
        long piracy = ingest("4", "Как обойти блокировку и скачать фильм бесплатно без регистрации?",
                Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS).toString());
        browser.driver.get(url("/console/review"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("queue-filter")));
        assertThat(browser.driver.findElements(By.id("post-" + piracy))).isEmpty();
        browser.driver.findElement(By.linkText("Неуместные сообщения")).click();
        WebElement card = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("post-" + piracy)));
        assertThat(card.findElement(By.cssSelector(".chip.inappropriate")).getText()).startsWith("неуместное");
        assertThat(card.findElement(By.cssSelector("ul.labels")).getText()).contains("без конфликта");
        assertThat(browser.driver.findElement(By.cssSelector("#queue-filter a.active")).getText())
                .isEqualTo("Неуместные сообщения");
        browser.screenshot("review-inappropriate");
    }

    @Test
    @Order(4)
    void sourcesShowTheirHealth() {
        browser.driver.get(url("/console/sources"));
        WebElement row = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("source-" + source)));
        assertThat(row.getText()).contains("работает");
        browser.screenshot("sources");
    }

    @Test
    @Order(5)
    void receiveALiveAlert() {
        browser.driver.get(url("/console/alerts"));
        waiting().until(ExpectedConditions.textToBe(By.id("live"), "в эфире"));
        long post = ingest("viral", "Фестиваль воздушных змеев в Тульском кремле собрал тысячи зрителей",
                "2026-11-20T12:00:00Z", 45_000);
        long alert = db.count("select id from alert where post_id = ? and kind = 'reach'", post);
        WebElement card = new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(
                ExpectedConditions.presenceOfElementLocated(By.id("alert-" + alert)));
        assertThat(card.getText()).contains("Большой охват").contains("Фестиваль");
        assertThat(card.getAttribute("class")).contains("fresh");
        browser.screenshot("alerts-live");

        card.findElement(By.tagName("button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-" + alert), "принято: " + analyst));
        assertThat(db.rows("select acknowledged_by from alert where id = ?", alert).get(0))
                .containsEntry("acknowledged_by", analyst);
    }
}
