#pragma once

#include <QString>
#include <QTest>

// The components a test may need (the private Docker engine, the keyring). Under scripts/test,
// which sets SANDBOXDESK_REQUIRE_COMPONENTS=1, a missing one fails the test: CTest counts a
// skip as a pass. A bare run outside scripts/test skips instead.
namespace TestComponents {

inline bool required()
{
    return qEnvironmentVariable("SANDBOXDESK_REQUIRE_COMPONENTS") == QLatin1String("1");
}

// Empty when the private Secret Service of scripts/test is there.
inline QString missingSecretService()
{
    if (qEnvironmentVariable("SANDBOXDESK_TEST_SECRET_SERVICE") == QLatin1String("1"))
        return {};
    return QStringLiteral("SANDBOXDESK_TEST_SECRET_SERVICE is not set: run the tests through "
                          "scripts/test, which starts gnome-keyring on a private D-Bus session.");
}

} // namespace TestComponents

// missingExpression: a QString, empty when the component is there, else what is missing.
#define REQUIRE_COMPONENT(missingExpression)                                                       \
    do {                                                                                           \
        const QString missingWhat = (missingExpression);                                           \
        if (!missingWhat.isEmpty()) {                                                              \
            if (TestComponents::required())                                                        \
                QFAIL(qPrintable(missingWhat));                                                    \
            QSKIP(qPrintable(missingWhat));                                                        \
        }                                                                                          \
    } while (false)

#define REQUIRE_SECRET_SERVICE() REQUIRE_COMPONENT(TestComponents::missingSecretService())
