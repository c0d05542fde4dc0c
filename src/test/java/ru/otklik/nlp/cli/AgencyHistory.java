package ru.otklik.nlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A region's routing history as JSONL ({@code body}, {@code who}): four agencies, each with its own words. */
final class AgencyHistory {

    static final String[] AGENCIES = {"УК", "Транспорт", "Благоустройство", "Образование"};

    private AgencyHistory() {
    }

    /** Writes {@code perAgency} appeals for each agency, interleaved, and returns the file. */
    static Path write(Path file, int perAgency) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < perAgency; i++) {
            sb.append("{\"body\": \"Нет света в подъезде дома ").append(i).append("\", \"who\": \"УК\"}\n");
            sb.append("{\"body\": \"Автобус номер ").append(i).append(" не пришёл на остановку\", \"who\": \"Транспорт\"}\n");
            sb.append("{\"body\": \"Сломана скамейка в сквере ").append(i).append("\", \"who\": \"Благоустройство\"}\n");
            sb.append("{\"body\": \"Нет мест в детском саду ").append(i).append("\", \"who\": \"Образование\"}\n");
        }
        return Files.writeString(file, sb);
    }
}
