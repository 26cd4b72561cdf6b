#include "FakeBackend.h"
#include "LocalSandboxFiles.h"
#include "files/FilePreview.h"
#include "files/FileTransfer.h"
#include "files/FilesWindow.h"
#include "files/PathBar.h"
#include "files/PermissionsDialog.h"
#include "files/RemoteFileModel.h"
#include "files/TransfersPanel.h"
#include "sandbox/SandboxTableModel.h"
#include "settings/Preferences.h"
#include "settings/Translations.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>

#include <algorithm>

#include <sys/stat.h>

// The file browser driven from the keyboard and the mouse over a folder of local files.
class TestFilesWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void navigatesWithTheKeyboard();
    void navigatesByBreadcrumbsAndTypedPath();
    void refreshesWithF5AndKeepsTheCurrentRow();
    void saysWhenAListingIsSlowAndCanStopWaiting();
    void saysWhyAListingFailedAndRetries();
    void explainsWhatASandboxCannotDo();
    void makesAFolder();
    void renamesWithF2();
    void deletesAFolderAfterCountingWhatIsInside();
    void deletesSeveralItemsAtOnce();
    void changesTheMode();
    void togglesHiddenFiles();
    void decodesTextForThePreview();
    void previewsTextInItsEncoding();
    void previewsImages();
    void opensAHugeFileOnlyPartially();
    void editsAndSavesASmallFile();
    void warnsWhenTheFileChangedSinceItWasOpened();
    void editsNothingItCannotSaveWhole();
    void keepsUnsavedChangesUntilDiscarded();
    void uploadsFilesAndFoldersDroppedOnTheList();
    void asksAboutNamesAlreadyThere();
    void downloadsSeveralItemsAndCancels();
    void opensFromTheMainWindowOncePerSandbox();
    void switchesLanguage();

private:
    void write(const QString& name, const QByteArray& data = "data");
    void openWindow();
    void waitLoaded();
    void makeCurrent(const QByteArray& name);
    QStringList names() const;
    template<typename T> T* waitForDialog(const char* name);

    QTemporaryDir m_dir;
    std::unique_ptr<Translations> m_translations;
    LocalSandboxFiles* m_files = nullptr;
    QPointer<FilesWindow> m_window;
};

void TestFilesWindow::write(const QString& name, const QByteArray& data)
{
    QFile file(m_dir.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

void TestFilesWindow::init()
{
    QVERIFY(m_dir.isValid());
    m_translations = std::make_unique<Translations>();
    m_translations->apply(QStringLiteral("en"));
    QDir root(m_dir.path());
    QVERIFY(root.mkpath(QStringLiteral("etc/conf.d")));
    QVERIFY(root.mkpath(QStringLiteral("src/deep")));
    write(QStringLiteral("etc/hosts"), "127.0.0.1 localhost\n");
    write(QStringLiteral("src/main.c"));
    write(QStringLiteral("src/deep/one"));
    write(QStringLiteral("src/deep/two"));
    write(QStringLiteral("notes.txt"));
    write(QStringLiteral(".hidden"));
}

void TestFilesWindow::cleanup()
{
    delete m_window;
    m_files = nullptr;
    m_translations.reset();
    QDir(m_dir.path()).removeRecursively();
    QDir().mkpath(m_dir.path());
}

void TestFilesWindow::openWindow()
{
    m_files = new LocalSandboxFiles(m_dir.path());
    m_window = new FilesWindow(m_files, QStringLiteral("web-1"));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->activateWindow();
    m_window->view()->setFocus();
    waitLoaded();
}

void TestFilesWindow::waitLoaded()
{
    QTRY_COMPARE(m_window->model()->state(), RemoteFileModel::State::Loaded);
}

void TestFilesWindow::makeCurrent(const QByteArray& name)
{
    const QModelIndex index = m_window->model()->indexOf(name);
    QVERIFY2(index.isValid(), name.constData());
    m_window->view()->setCurrentIndex(index);
    m_window->view()->setFocus();
}

QStringList TestFilesWindow::names() const
{
    QStringList shown;
    for (int row = 0; row < m_window->model()->rowCount(); ++row)
        shown << m_window->model()->index(row, 0).data().toString();
    return shown;
}

template<typename T> T* TestFilesWindow::waitForDialog(const char* name)
{
    T* dialog = nullptr;
    // A dialog closed before may still wait for its deletion: only a visible one counts.
    const bool shown = QTest::qWaitFor([&] {
        dialog = nullptr;
        for (T* candidate : m_window->findChildren<T*>(QLatin1String(name))) {
            if (candidate->isVisible())
                dialog = candidate;
        }
        return dialog != nullptr;
    });
    return shown ? dialog : nullptr;
}

void TestFilesWindow::navigatesWithTheKeyboard()
{
    openWindow();
    QCOMPARE(names(), QStringList({QStringLiteral("etc"), QStringLiteral("src"),
                                   QStringLiteral("notes.txt")}));
    QTreeView* view = m_window->view();
    makeCurrent("src");
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(m_window->model()->folder(), QByteArray("/src"));
    waitLoaded();
    QCOMPARE(names(), QStringList({QStringLiteral("deep"), QStringLiteral("main.c")}));
    QTest::keyClick(view, Qt::Key_Enter);
    QCOMPARE(m_window->model()->folder(), QByteArray("/src/deep"));
    waitLoaded();

    QTest::keyClick(view, Qt::Key_Backspace);
    QCOMPARE(m_window->model()->folder(), QByteArray("/src"));
    waitLoaded();
    // Up lands on the folder just left.
    QCOMPARE(m_window->model()->entry(view->currentIndex()).name, QByteArray("deep"));
    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(m_window->model()->folder(), QByteArray("/"));
    waitLoaded();
    QCOMPARE(m_window->model()->entry(view->currentIndex()).name, QByteArray("src"));
    QVERIFY(!m_window->findChild<QAction*>(QStringLiteral("upAction"))->isEnabled());

    // Enter on a file opens no folder.
    makeCurrent("notes.txt");
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(m_window->model()->folder(), QByteArray("/"));
}

void TestFilesWindow::navigatesByBreadcrumbsAndTypedPath()
{
    openWindow();
    auto* bar = m_window->findChild<PathBar*>();
    QTest::keyClick(m_window->view(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(bar->isEditing());
    QLineEdit* edit = bar->edit();
    QTRY_VERIFY(edit->hasFocus());
    QCOMPARE(edit->selectedText(), QStringLiteral("/"));
    QTest::keyClicks(edit, QStringLiteral("/src/deep/"));
    // Backspace in the field edits the text; it does not go up.
    QTest::keyClick(edit, Qt::Key_Backspace);
    QCOMPARE(edit->text(), QStringLiteral("/src/deep"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(m_window->model()->folder(), QByteArray("/src/deep"));
    QVERIFY(!bar->isEditing());
    waitLoaded();
    QCOMPARE(names(), QStringList({QStringLiteral("one"), QStringLiteral("two")}));

    // One button per folder of the path; each goes there.
    QList<QToolButton*> crumbs;
    for (QToolButton* button : bar->findChildren<QToolButton*>(QStringLiteral("crumb")))
        crumbs << button;
    QCOMPARE(crumbs.size(), 3);
    QToolButton* src = nullptr;
    for (QToolButton* button : crumbs) {
        if (button->text() == QStringLiteral("src"))
            src = button;
    }
    QVERIFY(src);
    QTest::mouseClick(src, Qt::LeftButton);
    QCOMPARE(m_window->model()->folder(), QByteArray("/src"));
    waitLoaded();

    // A relative path is taken from the folder shown; Escape leaves the field unchanged.
    bar->editPath();
    edit->setText(QStringLiteral("deep"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(m_window->model()->folder(), QByteArray("/src/deep"));
    bar->editPath();
    QTest::keyClick(edit, Qt::Key_Escape);
    QVERIFY(!bar->isEditing());
    QCOMPARE(m_window->model()->folder(), QByteArray("/src/deep"));
}

void TestFilesWindow::refreshesWithF5AndKeepsTheCurrentRow()
{
    openWindow();
    makeCurrent("notes.txt");
    const int before = m_files->listCalls;
    write(QStringLiteral("new.txt"));
    QTest::keyClick(m_window->view(), Qt::Key_F5);
    QCOMPARE(m_files->listCalls, before + 1);
    waitLoaded();
    QVERIFY(names().contains(QStringLiteral("new.txt")));
    QCOMPARE(m_window->model()->entry(m_window->view()->currentIndex()).name,
             QByteArray("notes.txt"));
    QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("countLabel"))->text(),
             QStringLiteral("4 items  ·  1 hidden"));
}

void TestFilesWindow::saysWhenAListingIsSlowAndCanStopWaiting()
{
    openWindow();
    m_files->holdListing = true;
    makeCurrent("src");
    QTest::keyClick(m_window->view(), Qt::Key_Return);
    QCOMPARE(m_window->model()->state(), RemoteFileModel::State::Loading);
    // A quick answer shows no banner; a slow one says what it waits for.
    QCOMPARE(m_window->bannerText(), QString());
    QTRY_COMPARE(m_window->bannerText(), QStringLiteral("Listing “/src”…"));
    auto* stop = m_window->findChild<QPushButton*>(QStringLiteral("abandonButton"));
    QVERIFY(stop->isVisible());
    QTest::mouseClick(stop, Qt::LeftButton);
    QCOMPARE(m_window->model()->state(), RemoteFileModel::State::Failed);
    QVERIFY(m_window->bannerText().startsWith(
        QStringLiteral("Stopped waiting for the listing of “/src”.")));
    auto* retry = m_window->findChild<QPushButton*>(QStringLiteral("retryButton"));
    QVERIFY(retry->isVisible());
    QVERIFY(!stop->isVisible());
    m_files->holdListing = false;
    QTest::mouseClick(retry, Qt::LeftButton);
    waitLoaded();
    QCOMPARE(m_window->bannerText(), QString());
    QCOMPARE(names(), QStringList({QStringLiteral("deep"), QStringLiteral("main.c")}));
}

void TestFilesWindow::saysWhyAListingFailedAndRetries()
{
    openWindow();
    m_files->listError = Error::make(Error::Connection, QStringLiteral("The engine went away."));
    QTest::keyClick(m_window->view(), Qt::Key_F5);
    QTRY_COMPARE(m_window->model()->state(), RemoteFileModel::State::Failed);
    QCOMPARE(m_window->bannerText(),
             QStringLiteral("“/” could not be listed: The engine went away."));
    m_files->listError = {};
    QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("retryButton")),
                      Qt::LeftButton);
    waitLoaded();
    QCOMPARE(m_window->bannerText(), QString());
}

void TestFilesWindow::explainsWhatASandboxCannotDo()
{
    m_files = new LocalSandboxFiles(m_dir.path());
    m_files->setCapabilities(SandboxFiles::CanReadArchive | SandboxFiles::CanWriteArchive,
                             QStringLiteral("The sandbox is not running."));
    m_window = new FilesWindow(m_files, QStringLiteral("stopped"));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QCOMPARE(m_window->bannerText(), QStringLiteral("The sandbox is not running."));
    QVERIFY(!m_window->findChild<QAction*>(QStringLiteral("newFolderAction"))->isEnabled());
    QVERIFY(!m_window->findChild<QAction*>(QStringLiteral("deleteAction"))->isEnabled());

    // Listing but no changes: browsing works, changing does not.
    delete m_window;
    m_files = new LocalSandboxFiles(m_dir.path());
    m_files->setCapabilities(SandboxFiles::CanList);
    m_window = new FilesWindow(m_files, QStringLiteral("read-only"));
    m_window->show();
    waitLoaded();
    makeCurrent("notes.txt");
    QVERIFY(!m_window->findChild<QAction*>(QStringLiteral("renameAction"))->isEnabled());
    QVERIFY(!m_window->findChild<QAction*>(QStringLiteral("deleteAction"))->isEnabled());
    QTest::keyClick(m_window->view(), Qt::Key_Delete);
    QVERIFY(!m_window->findChild<QMessageBox*>());
}

void TestFilesWindow::makesAFolder()
{
    openWindow();
    QTest::keyClick(m_window->view(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    auto* dialog = waitForDialog<QInputDialog>("newFolderDialog");
    QVERIFY(dialog);
    QCOMPARE(dialog->textValue(), QStringLiteral("New Folder"));
    dialog->setTextValue(QStringLiteral("made here"));
    dialog->accept();
    QTRY_VERIFY(QFileInfo(m_dir.filePath(QStringLiteral("made here"))).isDir());
    QTRY_COMPARE(m_window->model()->entry(m_window->view()->currentIndex()).name,
                 QByteArray("made here"));
    QVERIFY(m_files->calls.contains("mkdir /made here"));

    // A name with a slash is refused before anything is asked.
    m_window->newFolder();
    dialog = waitForDialog<QInputDialog>("newFolderDialog");
    QVERIFY(dialog);
    dialog->setTextValue(QStringLiteral("a/b"));
    dialog->accept();
    auto* error = waitForDialog<QMessageBox>("filesError");
    QVERIFY(error);
    QVERIFY(error->text().contains(QStringLiteral("a/b")));
    error->accept();
    QVERIFY(!m_files->calls.contains("mkdir /a/b"));
}

void TestFilesWindow::renamesWithF2()
{
    openWindow();
    makeCurrent("notes.txt");
    QTest::keyClick(m_window->view(), Qt::Key_F2);
    QLineEdit* editor = nullptr;
    QTRY_VERIFY((editor = m_window->view()->findChild<QLineEdit*>()) != nullptr);
    QCOMPARE(editor->text(), QStringLiteral("notes.txt"));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("renamed.txt"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(QFile::exists(m_dir.filePath(QStringLiteral("renamed.txt"))));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("notes.txt"))));
    QTRY_COMPARE(m_window->model()->entry(m_window->view()->currentIndex()).name,
                 QByteArray("renamed.txt"));

    // A clash says why and changes nothing.
    makeCurrent("renamed.txt");
    m_window->renameCurrent();
    QTRY_VERIFY((editor = m_window->view()->findChild<QLineEdit*>()) != nullptr);
    editor->setText(QStringLiteral("etc"));
    QTest::keyClick(editor, Qt::Key_Return);
    auto* error = waitForDialog<QMessageBox>("filesError");
    QVERIFY(error);
    QVERIFY(error->informativeText().contains(QStringLiteral("Already there.")));
    error->accept();
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("renamed.txt"))));
}

void TestFilesWindow::deletesAFolderAfterCountingWhatIsInside()
{
    openWindow();
    makeCurrent("src");
    m_window->view()->selectionModel()->select(m_window->model()->indexOf("src"),
                                               QItemSelectionModel::ClearAndSelect |
                                                   QItemSelectionModel::Rows);
    QTest::keyClick(m_window->view(), Qt::Key_Delete);
    auto* question = waitForDialog<QMessageBox>("deleteQuestion");
    QVERIFY(question);
    QCOMPARE(std::count_if(m_files->calls.cbegin(), m_files->calls.cend(),
                           [](const QByteArray& call) { return call.startsWith("count"); }),
             1);
    // src holds main.c, deep, deep/one and deep/two.
    QCOMPARE(question->text(), QStringLiteral("Delete “src” and 4 items inside?"));
    // Cancel is the default: Enter keeps everything.
    QCOMPARE(question->defaultButton(), question->button(QMessageBox::Cancel));
    question->button(QMessageBox::Cancel)->click();
    QTest::qWait(10);
    QVERIFY(QFileInfo(m_dir.filePath(QStringLiteral("src"))).isDir());

    // The closed question gives the window back its activation, and the list its focus.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_window->view()->setFocus();
    QTest::keyClick(m_window->view(), Qt::Key_Delete);
    question = waitForDialog<QMessageBox>("deleteQuestion");
    QVERIFY(question);
    question->findChild<QPushButton*>(QStringLiteral("confirmDeleteButton"))->click();
    QTRY_VERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("src"))));
    QTRY_VERIFY(!names().contains(QStringLiteral("src")));
    QVERIFY(m_files->calls.contains("remove /src"));
}

void TestFilesWindow::deletesSeveralItemsAtOnce()
{
    openWindow();
    QItemSelectionModel* selection = m_window->view()->selectionModel();
    selection->select(m_window->model()->indexOf("notes.txt"),
                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selection->select(m_window->model()->indexOf("etc"),
                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    // The closed question gives the window back its activation, and the list its focus.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_window->view()->setFocus();
    QTest::keyClick(m_window->view(), Qt::Key_Delete);
    auto* question = waitForDialog<QMessageBox>("deleteQuestion");
    QVERIFY(question);
    QCOMPARE(question->text(), QStringLiteral("Delete 2 selected items and 2 items inside them?"));
    question->findChild<QPushButton*>(QStringLiteral("confirmDeleteButton"))->click();
    QTRY_COMPARE(names(), QStringList({QStringLiteral("src")}));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("etc"))));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("notes.txt"))));
}

void TestFilesWindow::changesTheMode()
{
    QVERIFY(QFile::setPermissions(m_dir.filePath(QStringLiteral("notes.txt")),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                      QFile::ReadOther));
    openWindow();
    makeCurrent("notes.txt");
    QCOMPARE(m_window->model()
                 ->indexOf("notes.txt")
                 .siblingAtColumn(RemoteFileModel::PermissionsColumn)
                 .data()
                 .toString(),
             QStringLiteral("-rw-r--r--"));
    m_window->findChild<QAction*>(QStringLiteral("modeAction"))->trigger();
    auto* dialog = waitForDialog<PermissionsDialog>("permissionsDialog");
    QVERIFY(dialog);
    QCOMPARE(dialog->octalEdit()->text(), QStringLiteral("0644"));
    // The boxes and the number stay in step both ways.
    dialog->findChild<QCheckBox*>(QStringLiteral("mode0100"))->setChecked(true);
    QCOMPARE(dialog->octalEdit()->text(), QStringLiteral("0744"));
    dialog->octalEdit()->clear();
    QTest::keyClicks(dialog->octalEdit(), QStringLiteral("750"));
    QCOMPARE(dialog->mode(), 0750u);
    QVERIFY(dialog->findChild<QCheckBox*>(QStringLiteral("mode0010"))->isChecked());
    QVERIFY(!dialog->findChild<QCheckBox*>(QStringLiteral("mode0004"))->isChecked());
    dialog->accept();
    QTRY_VERIFY(m_files->calls.contains("chmod /notes.txt 750"));
    struct stat st = {};
    QTRY_VERIFY(::stat(QFile::encodeName(m_dir.filePath(QStringLiteral("notes.txt"))).constData(),
                       &st) == 0 &&
                (st.st_mode & 07777) == 0750);
    QTRY_COMPARE(m_window->model()
                     ->indexOf("notes.txt")
                     .siblingAtColumn(RemoteFileModel::PermissionsColumn)
                     .data()
                     .toString(),
                 QStringLiteral("-rwxr-x---"));
}

void TestFilesWindow::togglesHiddenFiles()
{
    openWindow();
    QVERIFY(!names().contains(QStringLiteral(".hidden")));
    QTest::keyClick(m_window->view(), Qt::Key_H, Qt::ControlModifier);
    QVERIFY(names().contains(QStringLiteral(".hidden")));
    QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("countLabel"))->text(),
             QStringLiteral("4 items"));
    QTest::keyClick(m_window->view(), Qt::Key_H, Qt::ControlModifier);
    QVERIFY(!names().contains(QStringLiteral(".hidden")));
}

void TestFilesWindow::decodesTextForThePreview()
{
    PreviewText text = PreviewText::decode("caf\xC3\xA9\n", false);
    QCOMPARE(text.encoding, PreviewText::Encoding::Utf8);
    QCOMPARE(text.text, QStringLiteral("café\n"));
    // The start of a file can end inside a character.
    text = PreviewText::decode("caf\xC3", true);
    QCOMPARE(text.encoding, PreviewText::Encoding::Utf8);
    QCOMPARE(text.text, QStringLiteral("caf"));
    text = PreviewText::decode("caf\xE9", false);
    QCOMPARE(text.encoding, PreviewText::Encoding::Latin1);
    QCOMPARE(text.text, QStringLiteral("café"));
    text = PreviewText::decode("\xEF\xBB\xBF"
                               "bom",
                               false);
    QCOMPARE(text.encoding, PreviewText::Encoding::Utf8Bom);
    QCOMPARE(text.text, QStringLiteral("bom"));
    text = PreviewText::decode(QByteArray("\xFF\xFEh\0i\0", 6), false);
    QCOMPARE(text.encoding, PreviewText::Encoding::Utf16LE);
    QCOMPARE(text.text, QStringLiteral("hi"));
    text = PreviewText::decode(QByteArray("\xFE\xFF\0h\0i", 6), false);
    QCOMPARE(text.encoding, PreviewText::Encoding::Utf16BE);
    QCOMPARE(text.text, QStringLiteral("hi"));
    QCOMPARE(PreviewText::decode(QByteArray("ELF\0\1\2", 6), false).encoding,
             PreviewText::Encoding::Binary);
    const QByteArray longLine = QByteArray(PreviewText::MaxLineLength + 10, 'x');
    text = PreviewText::decode("short\n" + longLine + "\nend", false);
    QVERIFY(text.linesCut);
    QCOMPARE(text.text.split(QLatin1Char('\n')).size(), 3);
    QCOMPARE(text.text.split(QLatin1Char('\n')).at(1).size(), PreviewText::MaxLineLength + 1);
    QCOMPARE(text.text.split(QLatin1Char('\n')).at(2), QStringLiteral("end"));
    // Saving writes back the encoding and mark it was read in.
    for (const auto encoding : {PreviewText::Encoding::Utf8, PreviewText::Encoding::Utf8Bom,
                                PreviewText::Encoding::Utf16LE, PreviewText::Encoding::Utf16BE,
                                PreviewText::Encoding::Latin1}) {
        const QByteArray bytes = PreviewText::encode(QStringLiteral("café"), encoding);
        const PreviewText back = PreviewText::decode(bytes, false);
        QCOMPARE(back.encoding, encoding);
        QCOMPARE(back.text, QStringLiteral("café"));
    }
}

void TestFilesWindow::previewsTextInItsEncoding()
{
    write(QStringLiteral("utf8.txt"), "h\xC3\xA9llo\nw\xC3\xB6rld\n");
    write(QStringLiteral("latin.txt"), "caf\xE9\n");
    write(QStringLiteral("wide.txt"), QByteArray("\xFF\xFEo\0k\0", 6));
    openWindow();
    FilePreview* preview = m_window->preview();
    QVERIFY(preview->isHidden());
    makeCurrent("utf8.txt");
    QTest::keyClick(m_window->view(), Qt::Key_Return);
    QVERIFY(preview->isVisible());
    QTRY_COMPARE(preview->content(), FilePreview::Content::Text);
    QCOMPARE(preview->textView()->toPlainText(), QStringLiteral("héllo\nwörld\n"));
    QCOMPARE(preview->note(), QStringLiteral("UTF-8"));
    QVERIFY(preview->textView()->isReadOnly());

    makeCurrent("latin.txt");
    QTest::keyClick(m_window->view(), Qt::Key_Space);
    QTRY_COMPARE(preview->content(), FilePreview::Content::Text);
    QCOMPARE(preview->textView()->toPlainText(), QStringLiteral("café\n"));
    QVERIFY(preview->note().startsWith(QStringLiteral("Latin-1")));

    makeCurrent("wide.txt");
    QTest::keyClick(m_window->view(), Qt::Key_Return);
    QTRY_COMPARE(preview->content(), FilePreview::Content::Text);
    QCOMPARE(preview->textView()->toPlainText(), QStringLiteral("ok"));
    QCOMPARE(preview->note(), QStringLiteral("UTF-16LE"));

    // Escape closes it and gives the keyboard back to the list.
    QTest::keyClick(m_window->view(), Qt::Key_Escape);
    QVERIFY(preview->isHidden());
    QCOMPARE(preview->content(), FilePreview::Content::None);
}

void TestFilesWindow::previewsImages()
{
    QImage image(20, 10, QImage::Format_RGB32);
    image.fill(Qt::red);
    QVERIFY(image.save(m_dir.filePath(QStringLiteral("red.png"))));
    write(QStringLiteral("broken.png"), "not a png");
    openWindow();
    makeCurrent("red.png");
    QTest::keyClick(m_window->view(), Qt::Key_Return);
    FilePreview* preview = m_window->preview();
    QTRY_COMPARE(preview->content(), FilePreview::Content::Image);
    QCOMPARE(preview->note(), QStringLiteral("PNG, 20 × 10"));
    QCOMPARE(preview->imageView()->pixmap().size(), QSize(20, 10));

    makeCurrent("broken.png");
    QTest::keyClick(m_window->view(), Qt::Key_Return);
    QTRY_COMPARE(preview->content(), FilePreview::Content::Message);
    QVERIFY(preview->message().startsWith(QStringLiteral("The image could not be read")));
}

void TestFilesWindow::opensAHugeFileOnlyPartially()
{
    const qint64 size = 40 * 1024 * 1024;
    {
        QFile file(m_dir.filePath(QStringLiteral("huge.log")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray line = QByteArray(99, 'y') + '\n';
        QByteArray block;
        while (block.size() < 1024 * 1024)
            block += line;
        block.truncate(1024 * 1024);
        for (qint64 written = 0; written < size; written += block.size())
            QCOMPARE(file.write(block), block.size());
    }
    openWindow();
    makeCurrent("huge.log");
    QTest::keyClick(m_window->view(), Qt::Key_Return);
    FilePreview* preview = m_window->preview();
    QTRY_COMPARE(preview->content(), FilePreview::Content::Text);
    QVERIFY2(preview->note().contains(QStringLiteral("showing the first")),
             qPrintable(preview->note()));
    QCOMPARE(preview->textView()->document()->characterCount() - 1, int(FilePreview::TextLimit));
    // The transfer stopped soon after the head: far from the whole file was read.
    QTest::qWait(200);
    QVERIFY2(m_files->archiveBytesRead < size / 2,
             qPrintable(QString::number(m_files->archiveBytesRead)));
}

void TestFilesWindow::editsAndSavesASmallFile()
{
    write(QStringLiteral("wide.txt"),
          PreviewText::encode(QStringLiteral("ünï\n"), PreviewText::Encoding::Utf16LE));
    QVERIFY(QFile::setPermissions(m_dir.filePath(QStringLiteral("wide.txt")),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                      QFile::ReadGroup | QFile::ExeGroup));
    openWindow();
    makeCurrent("wide.txt");
    QTest::keyClick(m_window->view(), Qt::Key_Return);
    FilePreview* preview = m_window->preview();
    QTRY_COMPARE(preview->content(), FilePreview::Content::Text);
    auto* edit = preview->findChild<QToolButton*>(QStringLiteral("editButton"));
    QVERIFY(edit->isVisible());
    QTest::mouseClick(edit, Qt::LeftButton);
    QVERIFY(preview->isEditing());
    QVERIFY(!preview->textView()->isReadOnly());
    QVERIFY(preview->textView()->hasFocus());
    auto* save = preview->findChild<QToolButton*>(QStringLiteral("saveButton"));
    QVERIFY(!save->isEnabled());
    preview->textView()->moveCursor(QTextCursor::End);
    preview->textView()->insertPlainText(QStringLiteral("中文"));
    QVERIFY(preview->hasUnsavedChanges());
    QVERIFY(save->isEnabled());
    QSignalSpy saved(preview, &FilePreview::saveFinished);
    QTest::keyClick(preview->textView(), Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE(saved.size(), 1);
    QVERIFY(!saved.first().at(1).value<Error>().isError());
    QVERIFY(!preview->hasUnsavedChanges());
    QFile file(m_dir.filePath(QStringLiteral("wide.txt")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    // Written back in the encoding it was read in, with its mode.
    QCOMPARE(file.readAll(),
             PreviewText::encode(QStringLiteral("ünï\n中文"), PreviewText::Encoding::Utf16LE));
    QCOMPARE(file.permissions() & 0x7077, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                              QFile::ReadGroup | QFile::ExeGroup);
    QVERIFY(m_files->calls.contains("write /"));

    // Discard goes back to what was saved.
    QTest::keyClicks(preview->textView(), QStringLiteral("x"));
    QTest::mouseClick(preview->findChild<QToolButton*>(QStringLiteral("discardButton")),
                      Qt::LeftButton);
    QCOMPARE(preview->textView()->toPlainText(), QStringLiteral("ünï\n中文"));
    QVERIFY(!preview->isEditing());
    QVERIFY(preview->textView()->isReadOnly());
}

void TestFilesWindow::warnsWhenTheFileChangedSinceItWasOpened()
{
    write(QStringLiteral("config.ini"), "a=1\n");
    openWindow();
    makeCurrent("config.ini");
    QTest::keyClick(m_window->view(), Qt::Key_Return);
    FilePreview* preview = m_window->preview();
    QTRY_COMPARE(preview->content(), FilePreview::Content::Text);
    preview->startEditing();
    preview->textView()->selectAll();
    preview->textView()->insertPlainText(QStringLiteral("a=2\n"));
    // Someone else writes the file meanwhile.
    write(QStringLiteral("config.ini"), "a=1\nb=3\n");
    preview->save();
    auto* question = waitForDialog<QMessageBox>("changedQuestion");
    QVERIFY(question);
    QCOMPARE(question->text(),
             QStringLiteral("“config.ini” was changed in the sandbox since you opened it."));
    question->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!preview->isSaving());
    QFile file(m_dir.filePath(QStringLiteral("config.ini")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("a=1\nb=3\n"));
    file.close();
    QVERIFY(preview->hasUnsavedChanges());

    QSignalSpy saved(preview, &FilePreview::saveFinished);
    preview->save();
    question = waitForDialog<QMessageBox>("changedQuestion");
    QVERIFY(question);
    question->findChild<QPushButton*>(QStringLiteral("saveAnywayButton"))->click();
    QTRY_COMPARE(saved.size(), 1);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("a=2\n"));
    file.close();

    // Saved again without a change in between: no question.
    preview->startEditing();
    preview->textView()->selectAll();
    preview->textView()->insertPlainText(QStringLiteral("a=3\n"));
    preview->save();
    QTRY_COMPARE(saved.size(), 2);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("a=3\n"));
}

void TestFilesWindow::editsNothingItCannotSaveWhole()
{
    write(QStringLiteral("big.txt"), QByteArray(FilePreview::EditLimit + 1, 'b'));
    write(QStringLiteral("small.txt"), "small");
    openWindow();
    FilePreview* preview = m_window->preview();
    makeCurrent("big.txt");
    QTest::keyClick(m_window->view(), Qt::Key_Return);
    QTRY_COMPARE(preview->content(), FilePreview::Content::Text);
    QVERIFY(!preview->canEdit());
    QVERIFY(!preview->findChild<QToolButton*>(QStringLiteral("editButton"))->isVisible());

    // Nothing can be written back: nothing is offered for editing.
    m_files->setCapabilities(SandboxFiles::CanList | SandboxFiles::CanReadArchive);
    makeCurrent("small.txt");
    QTest::keyClick(m_window->view(), Qt::Key_Return);
    QTRY_COMPARE(preview->content(), FilePreview::Content::Text);
    QVERIFY(!preview->canEdit());
}

void TestFilesWindow::keepsUnsavedChangesUntilDiscarded()
{
    openWindow();
    makeCurrent("notes.txt");
    QTest::keyClick(m_window->view(), Qt::Key_Return);
    FilePreview* preview = m_window->preview();
    QTRY_COMPARE(preview->content(), FilePreview::Content::Text);
    preview->startEditing();
    preview->textView()->insertPlainText(QStringLiteral("changed "));
    // Neither another file, nor Escape, nor another folder drops the changes.
    makeCurrent("etc");
    QTest::keyClick(m_window->view(), Qt::Key_Return);
    waitLoaded();
    makeCurrent("hosts");
    QTest::keyClick(m_window->view(), Qt::Key_Return);
    QTest::keyClick(m_window->view(), Qt::Key_Escape);
    QVERIFY(preview->isVisible());
    QCOMPARE(preview->path(), QByteArray("/notes.txt"));
    QVERIFY(preview->hasUnsavedChanges());

    QVERIFY(!m_window->close());
    auto* question = waitForDialog<QMessageBox>("unsavedQuestion");
    QVERIFY(question);
    QCOMPARE(question->text(), QStringLiteral("Discard your changes to “/notes.txt”?"));
    question->button(QMessageBox::Cancel)->click();
    QVERIFY(m_window->isVisible());
    QVERIFY(!m_window->close());
    question = waitForDialog<QMessageBox>("unsavedQuestion");
    QVERIFY(question);
    question->findChild<QPushButton*>(QStringLiteral("discardChangesButton"))->click();
    QTRY_VERIFY(!m_window);
    QFile file(m_dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("data"));
}

namespace {

// Sends a drag of local files onto pos of widget and drops it; whether it was taken.
bool dropFiles(QWidget* widget, const QStringList& paths, QPoint pos)
{
    QMimeData data;
    QList<QUrl> urls;
    for (const QString& path : paths)
        urls << QUrl::fromLocalFile(path);
    data.setUrls(urls);
    QDragEnterEvent enter(pos, Qt::CopyAction | Qt::MoveAction, &data, Qt::LeftButton,
                          Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(pos, Qt::CopyAction | Qt::MoveAction, &data, Qt::LeftButton,
                        Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &move);
    QDropEvent drop(QPointF(pos), Qt::CopyAction | Qt::MoveAction, &data, Qt::LeftButton,
                    Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &drop);
    return drop.isAccepted() && drop.dropAction() == Qt::CopyAction;
}

} // namespace

void TestFilesWindow::uploadsFilesAndFoldersDroppedOnTheList()
{
    QTemporaryDir desktop;
    QVERIFY(QDir(desktop.path()).mkpath(QStringLiteral("project/sub")));
    const auto make = [&desktop](const QString& name, const QByteArray& data) {
        QFile file(desktop.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
    };
    make(QStringLiteral("report.pdf"), QByteArray(5000, 'p'));
    make(QStringLiteral("project/sub/code.c"), "int main;");
    openWindow();
    QWidget* viewport = m_window->view()->viewport();
    // Something that is not a local file is refused.
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QDragEnterEvent refused(QPoint(5, 5), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &refused);
    QVERIFY(!refused.isAccepted());

    // Below the rows: into the folder shown.
    QVERIFY(dropFiles(viewport,
                      {desktop.filePath(QStringLiteral("report.pdf")),
                       desktop.filePath(QStringLiteral("project"))},
                      QPoint(5, viewport->height() - 5)));
    QCOMPARE(m_window->transfers()->transfers().size(), 1);
    FileTransfer* transfer = m_window->transfers()->transfers().first();
    QCOMPARE(transfer->direction(), FileTransfer::Direction::Upload);
    QTRY_COMPARE(transfer->state(), FileTransfer::State::Finished);
    QVERIFY(m_window->findChild<QDockWidget*>(QStringLiteral("transfersDock"))->isVisible());
    QCOMPARE(QFileInfo(m_dir.filePath(QStringLiteral("report.pdf"))).size(), 5000);
    QFile code(m_dir.filePath(QStringLiteral("project/sub/code.c")));
    QVERIFY(code.open(QIODevice::ReadOnly));
    QCOMPARE(code.readAll(), QByteArray("int main;"));
    QTRY_VERIFY(names().contains(QStringLiteral("report.pdf")));
    QVERIFY(names().contains(QStringLiteral("project")));
    QVERIFY(m_window->transfers()->detailText(transfer).startsWith(QStringLiteral("Done")));

    // On a folder's row: into that folder.
    const QModelIndex etc = m_window->model()->indexOf("etc");
    const QPoint onEtc = m_window->view()->visualRect(etc).center();
    QVERIFY(dropFiles(viewport, {desktop.filePath(QStringLiteral("report.pdf"))}, onEtc));
    QTRY_VERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("etc/report.pdf"))));
}

void TestFilesWindow::asksAboutNamesAlreadyThere()
{
    QTemporaryDir desktop;
    for (const QString& name : {QStringLiteral("notes.txt"), QStringLiteral("other.txt")}) {
        QFile file(desktop.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("from the desktop");
    }
    write(QStringLiteral("other.txt"), "old");
    openWindow();
    FileTransfer* transfer = m_window->upload({desktop.filePath(QStringLiteral("notes.txt")),
                                               desktop.filePath(QStringLiteral("other.txt"))},
                                              "/");
    QVERIFY(transfer);
    auto* question = waitForDialog<QMessageBox>("conflictQuestion");
    QVERIFY(question);
    QCOMPARE(question->text(), QStringLiteral("A file named “notes.txt” is already there."));
    QTRY_COMPARE(transfer->state(), FileTransfer::State::AskingConflict);
    QVERIFY(m_window->transfers()->detailText(transfer).startsWith(
        QStringLiteral("Waiting for your answer")));
    // Keep both, and the same for the next name already there.
    question->checkBox()->setChecked(true);
    question->findChild<QPushButton*>(QStringLiteral("keepBothButton"))->click();
    QTRY_COMPARE(transfer->state(), FileTransfer::State::Finished);
    QFile kept(m_dir.filePath(QStringLiteral("notes (2).txt")));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("from the desktop"));
    QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("other (2).txt"))));
    QFile old(m_dir.filePath(QStringLiteral("other.txt")));
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("old"));

    // Overwrite replaces.
    transfer = m_window->upload({desktop.filePath(QStringLiteral("other.txt"))}, "/");
    question = waitForDialog<QMessageBox>("conflictQuestion");
    QVERIFY(question);
    question->findChild<QPushButton*>(QStringLiteral("overwriteButton"))->click();
    QTRY_COMPARE(transfer->state(), FileTransfer::State::Finished);
    old.close();
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("from the desktop"));
}

void TestFilesWindow::downloadsSeveralItemsAndCancels()
{
    QTemporaryDir desktop;
    openWindow();
    QItemSelectionModel* selection = m_window->view()->selectionModel();
    selection->select(m_window->model()->indexOf("src"),
                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selection->select(m_window->model()->indexOf("notes.txt"),
                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(m_window->findChild<QAction*>(QStringLiteral("downloadAction"))->isEnabled());
    FileTransfer* transfer = m_window->download({"/src", "/notes.txt"}, desktop.path());
    QVERIFY(transfer);
    QTRY_COMPARE(transfer->state(), FileTransfer::State::Finished);
    QVERIFY(QFileInfo::exists(desktop.filePath(QStringLiteral("src/deep/two"))));
    QVERIFY(QFileInfo::exists(desktop.filePath(QStringLiteral("notes.txt"))));

    // A large download cancelled from its row leaves nothing behind.
    {
        QFile big(m_dir.filePath(QStringLiteral("big.bin")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        const QByteArray block(1024 * 1024, 'z');
        for (int i = 0; i < 200; ++i)
            big.write(block);
    }
    QTemporaryDir target;
    transfer = m_window->download({"/big.bin"}, target.path());
    QTest::qWait(100);
    QPushButton* cancel = nullptr;
    for (QPushButton* button : m_window->transfers()->findChildren<QPushButton*>(
             QStringLiteral("cancelTransferButton"))) {
        if (button->isVisible())
            cancel = button;
    }
    QCOMPARE(transfer->state(), FileTransfer::State::Running);
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE(transfer->state(), FileTransfer::State::Cancelled);
    QTRY_VERIFY(QDir(target.path())
                    .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                    .isEmpty());
    QVERIFY(m_window->transfers()->detailText(transfer).startsWith(QStringLiteral("Cancelled")));
}

void TestFilesWindow::opensFromTheMainWindowOncePerSandbox()
{
    QTemporaryDir settings;
    Preferences preferences(settings.filePath(QStringLiteral("settings.ini")));
    auto* backend = new FakeBackend(QStringLiteral("fake"));
    backend->filesRoot = m_dir.path();
    TestConnections connections(settings.filePath(QStringLiteral("accounts.ini")), {backend});
    MainWindow window(preferences, *m_translations, connections.registry);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    backend->connectToBackend();
    const Sandbox sandbox =
        backend->add(QStringLiteral("web-1"), QStringLiteral("nginx"), SandboxStatus::Exited);
    auto* table = window.findChild<QTableView*>(QStringLiteral("sandboxTable"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    table->selectionModel()->setCurrentIndex(
        table->model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    auto* browse = window.findChild<QAction*>(QStringLiteral("actionBrowseFiles"));
    // Without the capability there is nothing to browse.
    QVERIFY(!browse->isEnabled());
    backend->setCapabilities(backend->capabilities() | Backend::CanBrowseFiles);
    table->selectionModel()->clearSelection();
    table->selectionModel()->setCurrentIndex(
        table->model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(browse->isEnabled());
    QCOMPARE(browse->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    browse->trigger();
    FilesWindow* files = nullptr;
    QTRY_VERIFY((files = window.findChild<FilesWindow*>()) != nullptr);
    QVERIFY(files->isVisible());
    QCOMPARE(files->windowTitle(), QStringLiteral("Files — web-1"));
    QTRY_COMPARE(files->model()->state(), RemoteFileModel::State::Loaded);
    QVERIFY(files->model()->indexOf("notes.txt").isValid());
    browse->trigger();
    QCOMPARE(window.findChildren<FilesWindow*>().size(), 1);
    QCOMPARE(backend->filesOpened, QStringList({sandbox.id + QLatin1Char('/')}));
}

void TestFilesWindow::switchesLanguage()
{
    openWindow();
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Files — web-1"));
    auto* header = m_window->view()->header();
    QCOMPARE(header->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name"));
    QCOMPARE(m_translations->apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    QTRY_COMPARE(m_window->windowTitle(), QStringLiteral("文件 — web-1"));
    QCOMPARE(header->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("名称"));
    QCOMPARE(m_window->findChild<QAction*>(QStringLiteral("upAction"))->text(),
             QStringLiteral("上一级"));
    QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("countLabel"))->text(),
             QStringLiteral("3 项  ·  1 项隐藏"));
    m_files->listError = Error::make(Error::Connection, QStringLiteral("gone"));
    m_window->refresh();
    QTRY_COMPARE(m_window->bannerText(), QStringLiteral("无法列出“/”：gone"));
    QCOMPARE(m_translations->apply(QStringLiteral("en")), QStringLiteral("en"));
    QTRY_COMPARE(m_window->windowTitle(), QStringLiteral("Files — web-1"));
}

QTEST_MAIN(TestFilesWindow)
#include "tst_fileswindow.moc"
