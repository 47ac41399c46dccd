// WH104 cases: Maven and Gradle caches left in shipped stages.
import { runRuleTests } from './testing.js';
import { wh104 } from './wh104-jvm-build-caches.js';

runRuleTests(wh104, {
  invalid: [
    { code: 'FROM maven:3-eclipse-temurin-17\nRUN mvn -B package', findings: [{ line: 2, message: '~/.m2' }] },
    { code: 'FROM eclipse-temurin:17\nRUN ./mvnw dependency:go-offline', findings: [{ line: 2, message: 'Maven' }] },
    { code: 'FROM gradle:8-jdk17\nRUN gradle build --no-daemon', findings: [{ line: 2, message: '~/.gradle' }] },
    { code: 'FROM eclipse-temurin:17\nRUN ./gradlew bootJar && ./mvnw package', findings: [{ line: 2, message: 'Maven' }, { line: 2, message: 'Gradle' }] },
    { code: 'FROM maven:3\nRUN --mount=type=cache,target=/root/.gradle mvn package', findings: [{ line: 2 }], name: 'wrong cache mounted' },
    { code: 'FROM maven:3\nONBUILD RUN mvn package', findings: [{ line: 2 }], name: 'ONBUILD trigger' },
    { code: 'FROM maven:3 AS build\nRUN mvn package\nFROM build\nCMD ["java"]', findings: [{ line: 2 }], name: 'parent stage ships' },
  ],
  valid: [
    'FROM maven:3 AS build\nRUN mvn package\nFROM eclipse-temurin:17-jre\nCOPY --from=build /app/target/app.jar /app.jar',
    'FROM maven:3\nRUN --mount=type=cache,target=/root/.m2 mvn package',
    'FROM maven:3\nRUN mvn package && rm -rf ~/.m2',
    'FROM maven:3\nRUN mvn -Dmaven.repo.local=/tmp/m2 package && rm -rf /tmp/m2',
    'FROM gradle:8\nRUN --mount=type=cache,target=/home/gradle/.gradle gradle build',
    'FROM maven:3\nRUN java -version',
  ],
});
