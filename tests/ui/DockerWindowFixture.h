#pragma once

#include "FakeBackend.h"

#include <QSize>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class ActivityLog;
class DockerBackend;
class MainWindow;
class Preferences;
class QTableView;
class QWidget;
class Translations;

// The main window's sandbox table, read by sandbox name as the window tests read it.
namespace SandboxTable {

QTableView* of(const QWidget* window);
// -1 when the sandbox is not shown.
int rowOf(const QWidget* window, const QString& name);
// The status key ("running", "exited", …); empty when the sandbox is not shown.
QString statusOf(const QWidget* window, const QString& name);
QString cell(const QWidget* window, const QString& name, int column);
// Makes the sandbox's row the current one, alone selected; fails the test when not shown.
void select(const QWidget* window, const QString& name);

} // namespace SandboxTable

// The main window on the real engine in DOCKER_HOST (scripts/test starts a private one), its
// settings in a folder of its own; the containers run() starts are removed by
// cleanupWindow(). A test class derives from it beside QObject.
class DockerWindowFixture
{
public:
    DockerWindowFixture();
    ~DockerWindowFixture();
    Q_DISABLE_COPY_MOVE(DockerWindowFixture)

protected:
    // Preferences that delete without asking, English; fails the test without a folder.
    void initWindow();
    // Deletes the window and its connections, removes the containers.
    void cleanupWindow();
    // Shows the window with one Docker connection and waits until it is connected; fails the
    // test otherwise.
    void showWindow(ActivityLog* activity = nullptr, const QSize& size = {});
    // docker run -d --network none ARGUMENTS… as name, removed by cleanupWindow(); the new id,
    // empty on failure.
    QString run(const QString& name, const QStringList& arguments);

    QTableView* table() const;
    int rowOf(const QString& name) const;
    QString statusOf(const QString& name) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<Translations> m_translations;
    std::unique_ptr<TestConnections> m_connections;
    DockerBackend* m_backend = nullptr; // owned by the connections
    MainWindow* m_window = nullptr;
    QStringList m_containers;
};
