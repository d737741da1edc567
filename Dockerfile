# The hub as an image: build the jar first with ./mvnw -B -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /opt/carehub
COPY target/carehub-*.jar carehub.jar
# Routes, mappings and configuration stay files beside the jar, readable and changeable by support staff.
COPY routes/ routes/
COPY mappings/ mappings/
COPY config/ config/
ENV CAREHUB_DATA_DIR=/var/lib/carehub
VOLUME /var/lib/carehub
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "carehub.jar", "--carehub.data-dir=/var/lib/carehub", "--server.address=0.0.0.0"]
