#pragma once

#include "connections/ConnectionRegistry.h"
#include "logs/ActivityLog.h"
#include "settings/EciAccounts.h"
#include "settings/OpenSandboxServers.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class CredentialStore;
class MainWindow;
class QTableView;
class TerminalTab;

// The canary sweep's tools: a test process whose HOME, XDG folders and temporary folder are
// private, with what it prints kept there, and searches for a secret in every form it could
// be written in: in those files, in the Secret Service's keyring files and in the command
// lines of the machine's processes.
namespace CanarySweep {

// main() of a canary test: makes the private folders before anything reads them, sends stderr
// and QTest's log into them (stderr is shown again at the end), then runs the test made by
// makeTest after the QApplication.
int run(int argc, char* argv[], const std::function<std::unique_ptr<QObject>()>& makeTest);
template<typename Test> int run(int argc, char* argv[])
{
    return run(argc, argv, [] { return std::make_unique<Test>(); });
}

// The private folder the test's HOME, XDG folders, temporary folder and stderr are in.
QString root();
// Where the keyring daemon of scripts/test keeps its keyrings: the XDG data folder the
// process was given before run() replaced it.
QString keyringFolder();

// The keychain for the test: scripts/test's Secret Service under a service name of its own;
// a memory store where none is required; null (the test failed) where one is but is missing.
std::unique_ptr<CredentialStore> keychain();
// The store's item key holds secret; fails the test otherwise.
void expectStored(CredentialStore& store, const QString& key, const QString& secret);
// secret is nowhere else: in no file under root() (where keyName, the item's name, must be
// found: the settings), in no message, on no command line, and, with the Secret Service, not
// in clear in the keyring's files, which must have been written since `since`. Fails the test
// otherwise.
void expectNowhereElse(const QString& secret, const QString& keyName, const QDateTime& since);

// Records every Qt message from now on (call it in initTestCase(), after QTest's handler).
void recordMessages();
void stopRecording();
QStringList messages();

struct Findings
{
    QStringList leaks;    // files holding the secret
    QStringList keyNamed; // files naming the keychain item (the settings must)
    int scanned = 0;
};
// Every file under folder, searched for secret as text, as UTF-16 and as base64, and for the
// keychain item's name keyName.
Findings searchFiles(const QString& folder, const QString& secret, const QString& keyName = {});
// The processes whose command line holds secret, one "PID: command line" each.
QStringList searchCommandLines(const QString& secret);
// The searches find secret where it is: in files in each of its forms, and on a command line.
// Empty when they do, otherwise what they missed.
QString selfCheck(const QString& secret);

// The app wired as main() wires it, on keychain, with its settings in their usual places
// under the private HOME; deleting a sandbox asks nothing.
struct App
{
    explicit App(CredentialStore& keychain);
    ~App();
    Q_DISABLE_COPY_MOVE(App)

    // Shows the window (fails the test when it is not exposed) and starts the connections.
    void show();
    // Closes and deletes the window, then writes the settings out, as quitting does.
    void quit();

    Preferences preferences;
    Translations translations;
    EciAccounts accounts;
    OpenSandboxServers servers;
    QNetworkAccessManager network;
    ConnectionRegistry connections;
    ActivityLog activity;
    std::unique_ptr<MainWindow> window;
};

// The steps in the window that every sweep takes, through its actions and dialogs. Each step
// fails the test when it fails; the caller checks QTest::currentTestFailed() (see STEP).
class WindowSteps final
{
public:
    explicit WindowSteps(MainWindow* window)
        : m_window(window)
    {}

    QTableView* table() const;
    int rowOf(const QString& name) const;
    void select(const QString& name);
    // A sandbox named name through the create dialog, until it runs; its command prints
    // "canary-log-line" and sleeps. log says what the server did, for a failure message.
    void create(const QString& name, const std::function<QByteArray()>& log);
    // The selected sandbox's logs until the line shows, then exported to logs.txt in the
    // temporary folder.
    void showAndExportLogs();
    // A terminal into the selected sandbox, asked to compute 6*7 until the answer shows.
    TerminalTab* openTerminal();
    void remove(const QString& name);
    // What the user did, exported as a user would (JSON carries the most).
    void exportActivity(const ActivityLog& activity);

private:
    MainWindow* m_window;
};

} // namespace CanarySweep

// Runs one WindowSteps step; the test stops when it failed.
#define STEP(step)                                                                                 \
    do {                                                                                           \
        step;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)
