#include "LocalSandboxFiles.h"
#include "files/RemoteFileModel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The model over a folder of local files: sorting, hidden names, safe names, and listings that
// fail, are abandoned or are overtaken by another.
class TestRemoteFileModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsFoldersFirstWithColumns();
    void hidesDotNamesUntilAsked();
    void sortsByEveryColumn();
    void showsControlCharactersAndBidiVisibly();
    void failsWithTheReasonAndRetries();
    void abandonsAListingThatNeverReturns();
    void ignoresAListingOvertakenByAnother();
    void asksToRenameWithoutChangingItself();
    void writesPermissionsAsLsDoes();

private:
    void write(const QString& name, const QByteArray& data);
    QStringList names() const;
    void load(const RemotePath& folder = "/");

    QTemporaryDir m_dir;
    LocalSandboxFiles* m_files = nullptr;
    RemoteFileModel* m_model = nullptr;
    QAbstractItemModelTester* m_tester = nullptr;
};

void TestRemoteFileModel::write(const QString& name, const QByteArray& data)
{
    QFile file(m_dir.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

void TestRemoteFileModel::init()
{
    QVERIFY(m_dir.isValid());
    QDir root(m_dir.path());
    QVERIFY(root.mkdir(QStringLiteral("src")));
    QVERIFY(root.mkdir(QStringLiteral("Build")));
    QVERIFY(root.mkdir(QStringLiteral(".git")));
    write(QStringLiteral("b.txt"), QByteArray(300, 'b'));
    write(QStringLiteral("a.png"), QByteArray(10, 'a'));
    write(QStringLiteral("C.md"), QByteArray(2000, 'c'));
    write(QStringLiteral(".profile"), "x");
    m_files = new LocalSandboxFiles(m_dir.path());
    m_model = new RemoteFileModel;
    m_tester = new QAbstractItemModelTester(m_model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setFiles(m_files);
}

void TestRemoteFileModel::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_files;
    QDir(m_dir.path()).removeRecursively();
    QDir().mkpath(m_dir.path());
}

void TestRemoteFileModel::load(const RemotePath& folder)
{
    m_model->setFolder(folder);
    QCOMPARE(m_model->state(), RemoteFileModel::State::Loading);
    QTRY_COMPARE(m_model->state(), RemoteFileModel::State::Loaded);
}

QStringList TestRemoteFileModel::names() const
{
    QStringList shown;
    for (int row = 0; row < m_model->rowCount(); ++row)
        shown << m_model->index(row, RemoteFileModel::NameColumn).data().toString();
    return shown;
}

void TestRemoteFileModel::listsFoldersFirstWithColumns()
{
    QSignalSpy states(m_model, &RemoteFileModel::stateChanged);
    load();
    QCOMPARE(states.size(), 2);
    QCOMPARE(names(),
             QStringList({QStringLiteral("Build"), QStringLiteral("src"), QStringLiteral("a.png"),
                          QStringLiteral("b.txt"), QStringLiteral("C.md")}));
    const QModelIndex b = m_model->indexOf("b.txt");
    QVERIFY(b.isValid());
    QCOMPARE(m_model->path(b), QByteArray("/b.txt"));
    QCOMPARE(b.siblingAtColumn(RemoteFileModel::SizeColumn).data().toString(),
             QLocale().formattedDataSize(300));
    QVERIFY(b.siblingAtColumn(RemoteFileModel::PermissionsColumn)
                .data()
                .toString()
                .startsWith(QLatin1Char('-')));
    QVERIFY(!b.siblingAtColumn(RemoteFileModel::OwnerColumn).data().toString().isEmpty());
    QVERIFY(!b.siblingAtColumn(RemoteFileModel::ModifiedColumn).data().toString().isEmpty());
    QVERIFY(!b.data(Qt::DecorationRole).value<QIcon>().isNull());
    const QModelIndex folder = m_model->indexOf("src");
    QVERIFY(folder.data(RemoteFileModel::IsFolderRole).toBool());
    QVERIFY(folder.siblingAtColumn(RemoteFileModel::SizeColumn).data().toString().isEmpty());
    QCOMPARE(m_model->headerData(RemoteFileModel::NameColumn, Qt::Horizontal).toString(),
             QStringLiteral("Name"));
}

void TestRemoteFileModel::hidesDotNamesUntilAsked()
{
    load();
    QVERIFY(!names().contains(QStringLiteral(".git")));
    QCOMPARE(m_model->allEntries().size(), 7);
    m_model->setShowHidden(true);
    QCOMPARE(names().first(), QStringLiteral(".git"));
    QVERIFY(names().contains(QStringLiteral(".profile")));
    QCOMPARE(m_model->rowCount(), 7);
    m_model->setShowHidden(false);
    QCOMPARE(m_model->rowCount(), 5);
}

void TestRemoteFileModel::sortsByEveryColumn()
{
    load();
    m_model->sort(RemoteFileModel::SizeColumn, Qt::DescendingOrder);
    // Folders stay first whichever the order.
    QCOMPARE(names().mid(2), QStringList({QStringLiteral("C.md"), QStringLiteral("b.txt"),
                                          QStringLiteral("a.png")}));
    m_model->sort(RemoteFileModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(names(),
             QStringList({QStringLiteral("src"), QStringLiteral("Build"), QStringLiteral("C.md"),
                          QStringLiteral("b.txt"), QStringLiteral("a.png")}));
    // A persistent index follows its row through a sort.
    const QPersistentModelIndex a = m_model->indexOf("a.png");
    m_model->sort(RemoteFileModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(a.row(), 2);
    for (const int column :
         {int(RemoteFileModel::PermissionsColumn), int(RemoteFileModel::OwnerColumn),
          int(RemoteFileModel::ModifiedColumn)}) {
        m_model->sort(column, Qt::AscendingOrder);
        QCOMPARE(m_model->rowCount(), 5);
    }
    // The order chosen stays for the next listing.
    m_model->sort(RemoteFileModel::SizeColumn, Qt::AscendingOrder);
    load();
    QCOMPARE(names().mid(2), QStringList({QStringLiteral("a.png"), QStringLiteral("b.txt"),
                                          QStringLiteral("C.md")}));
}

void TestRemoteFileModel::showsControlCharactersAndBidiVisibly()
{
    write(QString::fromUtf8("evil\xE2\x80\xAEtxt.exe"), "x");
    write(QStringLiteral("two\nlines"), "x");
    load();
    QVERIFY(names().contains(QStringLiteral("evil\\u202Etxt.exe")));
    QVERIFY(names().contains(QStringLiteral("two\\nlines")));
    QCOMPARE(m_model->path(m_model->indexOf("two\nlines")), QByteArray("/two\nlines"));
}

void TestRemoteFileModel::failsWithTheReasonAndRetries()
{
    m_files->listError = Error::make(Error::Connection, QStringLiteral("The engine went away."));
    m_model->setFolder("/");
    QTRY_COMPARE(m_model->state(), RemoteFileModel::State::Failed);
    QCOMPARE(m_model->error().message, QStringLiteral("The engine went away."));
    QCOMPARE(m_model->rowCount(), 0);
    m_files->listError = {};
    m_model->refresh();
    QTRY_COMPARE(m_model->state(), RemoteFileModel::State::Loaded);
    QCOMPARE(m_model->rowCount(), 5);
    QVERIFY(!m_model->error().isError());

    // A folder that is not there says so.
    m_model->setFolder("/missing");
    QTRY_COMPARE(m_model->state(), RemoteFileModel::State::Failed);
    QCOMPARE(m_model->error().kind, Error::NotFound);
}

void TestRemoteFileModel::abandonsAListingThatNeverReturns()
{
    m_files->holdListing = true;
    m_model->setFolder("/src");
    QCOMPARE(m_model->state(), RemoteFileModel::State::Loading);
    QTest::qWait(50);
    QCOMPARE(m_model->state(), RemoteFileModel::State::Loading);
    m_model->abandon();
    QCOMPARE(m_model->state(), RemoteFileModel::State::Failed);
    QCOMPARE(m_model->error().kind, Error::Cancelled);
    QCOMPARE(m_model->folder(), QByteArray("/src"));
    m_files->holdListing = false;
    m_model->refresh();
    QTRY_COMPARE(m_model->state(), RemoteFileModel::State::Loaded);
}

void TestRemoteFileModel::ignoresAListingOvertakenByAnother()
{
    write(QStringLiteral("src/inner.c"), "int x;");
    m_model->setFolder("/");
    m_model->setFolder("/src");
    QTRY_COMPARE(m_model->state(), RemoteFileModel::State::Loaded);
    QTest::qWait(20);
    QCOMPARE(names(), QStringList({QStringLiteral("inner.c")}));
    QCOMPARE(m_model->folder(), QByteArray("/src"));
}

void TestRemoteFileModel::asksToRenameWithoutChangingItself()
{
    load();
    QSignalSpy asked(m_model, &RemoteFileModel::renameRequested);
    const QModelIndex b = m_model->indexOf("b.txt");
    QVERIFY(m_model->flags(b).testFlag(Qt::ItemIsEditable));
    QCOMPARE(b.data(Qt::EditRole).toString(), QStringLiteral("b.txt"));
    QVERIFY(!m_model->setData(b, QStringLiteral("b.txt")));
    QCOMPARE(asked.size(), 0);
    QVERIFY(!m_model->setData(b, QStringLiteral("renamed.txt")));
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().at(0).toByteArray(), QByteArray("b.txt"));
    QCOMPARE(asked.first().at(1).toByteArray(), QByteArray("renamed.txt"));
    QCOMPARE(m_model->indexOf("b.txt"), b);
}

void TestRemoteFileModel::writesPermissionsAsLsDoes()
{
    FileEntry entry;
    entry.mode = 0755;
    entry.type = FileEntry::Type::Folder;
    QCOMPARE(RemoteFileModel::permissionsText(entry), QStringLiteral("drwxr-xr-x"));
    entry.type = FileEntry::Type::File;
    entry.mode = 04755;
    QCOMPARE(RemoteFileModel::permissionsText(entry), QStringLiteral("-rwsr-xr-x"));
    entry.mode = 02644;
    QCOMPARE(RemoteFileModel::permissionsText(entry), QStringLiteral("-rw-r-Sr--"));
    entry.mode = 01777;
    entry.type = FileEntry::Type::Folder;
    QCOMPARE(RemoteFileModel::permissionsText(entry), QStringLiteral("drwxrwxrwt"));
    entry.type = FileEntry::Type::Symlink;
    entry.mode = 0777;
    QCOMPARE(RemoteFileModel::permissionsText(entry), QStringLiteral("lrwxrwxrwx"));
}

QTEST_MAIN(TestRemoteFileModel)
#include "tst_remotefilemodel.moc"
