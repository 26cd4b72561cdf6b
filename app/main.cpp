// sandboxdesk: the desktop window over the same core as sandboxctl.
#include "common/AppIcon.h"
#include "connections/ConnectionRegistry.h"
#include "credentials/KeychainCredentialStore.h"
#include "logs/ActivityLog.h"
#include "logs/ActivityLogFile.h"
#include "sandbox/SpillFiles.h"
#include "settings/EciAccounts.h"
#include "settings/OpenSandboxServers.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>

#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SandboxDesk"));
    QApplication::setApplicationName(QStringLiteral("sandboxdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("SandboxDesk"));
    QApplication::setApplicationVersion(QStringLiteral(SANDBOXDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("sandboxdesk"));
    QApplication::setWindowIcon(appIcon());
    // What a crash of an earlier run left behind (log and recording spill files).
    SpillFiles::removeStale();

    Preferences preferences;
    Translations translations;

    translations.apply(preferences.language());
    // --language also decides the language of --help, so it is read before the rest.
    const QString languageName = QStringLiteral("language");
    QCommandLineParser languageOnly;
    languageOnly.addOption({languageName, QString(), QStringLiteral("LANGUAGE")});
    languageOnly.parse(QCoreApplication::arguments());
    if (languageOnly.isSet(languageName)) {
        const QString language = languageOnly.value(languageName);
        if (!Preferences::supportedLanguages().contains(language)) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate(
                                        "main", "Unknown language “%1”; use one of: %2.")
                                        .arg(language, Preferences::supportedLanguages().join(
                                                           QStringLiteral(", ")))));
            return 64;
        }
        translations.apply(language);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "See and manage the sandboxes on your container engines."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dockerOption(
        QStringLiteral("docker"),
        QCoreApplication::translate("main", "Use the engine at HOST for this run instead of the "
                                            "one DOCKER_HOST or the docker context names."),
        QStringLiteral("HOST"));
    parser.addOption(dockerOption);
    parser.addOption(
        {languageName,
         QCoreApplication::translate("main", "Use LANGUAGE (en or zh_CN) for this run."),
         QStringLiteral("LANGUAGE")});
    parser.process(app);

    // ECI accounts and OpenSandbox servers: profiles in the settings, secrets in the keychain
    // only.
    KeychainCredentialStore keychain;
    EciAccounts accounts;
    OpenSandboxServers openSandboxServers;
    QNetworkAccessManager network;
    ConnectionRegistry connections(accounts, keychain, &network);
    connections.setOpenSandboxServers(&openSandboxServers);
    connections.discoverDocker(QProcessEnvironment::systemEnvironment(),
                               parser.value(dockerOption));
    connections.setDockerHosts(preferences.dockerHosts());
    // Kept on disk and shared with sandboxctl, whose entries show up as it writes them.
    ActivityLogFile activityFile(ActivityLogFile::defaultPath());
    activityFile.setWatching(true);
    ActivityLog activity; // outlives the window that records into it
    activity.setFile(&activityFile);
    MainWindow window(preferences, translations, connections);
    window.setActivityLog(&activity);
    window.show();
    connections.start();
    connections.syncAccounts();
    connections.syncOpenSandboxServers();
    return QApplication::exec();
}
