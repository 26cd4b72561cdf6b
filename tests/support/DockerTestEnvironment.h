#pragma once

#include "TestComponents.h"

#include <QProcess>
#include <QString>
#include <QStringList>

// The private engine that scripts/test starts, as the tests see it through the environment.
namespace DockerTestEnvironment {

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Empty when the test runs outside scripts/test; the message says what is missing.
QString missing();
QString image();
// Runs the docker CLI against the same engine (DOCKER_HOST is in the environment).
Result docker(const QStringList& arguments, int timeoutMs = 60000);
// Runs scripts/engine with a verb (start, stop) on the private engine, arguments after it.
Result engine(const QString& verb, const QStringList& arguments = {});
QString uniqueName(const QString& prefix);
// Every container id the CLI lists, full length, sorted.
QStringList allIds();

} // namespace DockerTestEnvironment

// The private engine: fails the test when it is missing under scripts/test (see TestComponents.h).
#define REQUIRE_TEST_ENGINE() REQUIRE_COMPONENT(DockerTestEnvironment::missing())
