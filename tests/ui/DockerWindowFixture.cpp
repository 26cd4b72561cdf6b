#include "DockerWindowFixture.h"

#include "DockerTestEnvironment.h"
#include "docker/DockerBackend.h"
#include "sandbox/SandboxTableModel.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"
#include "window/MainWindow.h"

#include <QTableView>
#include <QTest>

namespace SandboxTable {

QTableView* of(const QWidget* window)
{
    return window->findChild<QTableView*>(QStringLiteral("sandboxTable"));
}

int rowOf(const QWidget* window, const QString& name)
{
    const QAbstractItemModel* model = of(window)->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, SandboxTableModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

QString statusOf(const QWidget* window, const QString& name)
{
    const int row = rowOf(window, name);
    return row < 0 ? QString()
                   : of(window)
                         ->model()
                         ->index(row, 0)
                         .data(SandboxTableModel::StatusKeyRole)
                         .toString();
}

QString cell(const QWidget* window, const QString& name, int column)
{
    const int row = rowOf(window, name);
    return row < 0 ? QString() : of(window)->model()->index(row, column).data().toString();
}

void select(const QWidget* window, const QString& name)
{
    const int row = rowOf(window, name);
    QVERIFY2(row >= 0, qPrintable(name));
    QTableView* table = of(window);
    table->selectionModel()->setCurrentIndex(table->model()->index(row, 0),
                                             QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
}

} // namespace SandboxTable

DockerWindowFixture::DockerWindowFixture() = default;

DockerWindowFixture::~DockerWindowFixture()
{
    cleanupWindow();
}

QTableView* DockerWindowFixture::table() const
{
    return SandboxTable::of(m_window);
}

int DockerWindowFixture::rowOf(const QString& name) const
{
    return SandboxTable::rowOf(m_window, name);
}

QString DockerWindowFixture::statusOf(const QString& name) const
{
    return SandboxTable::statusOf(m_window, name);
}

void DockerWindowFixture::initWindow()
{
    QVERIFY(m_dir.isValid());
    m_preferences = std::make_unique<Preferences>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_preferences->setConfirmDelete(false);
    m_translations = std::make_unique<Translations>();
    m_translations->apply(QStringLiteral("en"));
}

void DockerWindowFixture::cleanupWindow()
{
    delete m_window;
    m_window = nullptr;
    m_connections.reset();
    m_backend = nullptr;
    for (const QString& name : std::as_const(m_containers))
        DockerTestEnvironment::docker({QStringLiteral("rm"), QStringLiteral("-f"), name});
    m_containers.clear();
    m_translations.reset();
    m_preferences.reset();
}

void DockerWindowFixture::showWindow(ActivityLog* activity, const QSize& size)
{
    REQUIRE_TEST_ENGINE();
    m_backend = new DockerBackend(QStringLiteral("docker-test"), QStringLiteral("Docker (test)"),
                                  Endpoint::fromUrl(qEnvironmentVariable("DOCKER_HOST")));
    m_connections = std::make_unique<TestConnections>(
        m_dir.filePath(QStringLiteral("accounts.ini")), QList<Backend*>{m_backend});
    m_window = new MainWindow(*m_preferences, *m_translations, m_connections->registry);
    if (activity)
        m_window->setActivityLog(activity);
    if (size.isValid())
        m_window->resize(size);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_connections->registry.start();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), Backend::State::Connected, 20000);
}

QString DockerWindowFixture::run(const QString& name, const QStringList& arguments)
{
    m_containers << name;
    const auto result = DockerTestEnvironment::docker(
        QStringList{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                    QStringLiteral("none"), QStringLiteral("--name"), name} +
        arguments);
    if (result.exitCode != 0)
        qWarning("docker run failed: %s", result.err.constData());
    return QString::fromUtf8(result.out).trimmed();
}
