#include "files/ExecFilesScript.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

namespace {

QByteArray group(const QList<QPair<QByteArray, QByteArray>>& lines)
{
    // lines: (stat line, name + '\0' + target + '\0')
    QByteArray out = "G " + QByteArray::number(lines.size()) + '\n';
    for (const auto& line : lines)
        out += line.first + '\n';
    for (const auto& line : lines)
        out += line.second;
    return out;
}

QByteArray nameField(const QByteArray& name, const QByteArray& target = {})
{
    return name + '\0' + (target.isEmpty() ? QByteArray() : target + '\n') + '\0';
}

} // namespace

class TestExecFilesScript final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hostileNames();
    void linksAndTypes();
    void vanishedEntries();
    void owners();
    void findNames();
    void malformed_data();
    void malformed();
    void counts();
    void downloadInPieces();
    void downloadRefusesGarbage();
    void uploadChunks();
    void assignKeepsEveryByte_data();
    void assignKeepsEveryByte();
    void listsARealFolder_data();
    void listsARealFolder();

private:
    QByteArray runScript(const QString& shell, const QString& pathDir, const QString& script,
                         int* exitCode);
    QTemporaryDir m_busyboxDir;
};

void TestExecFilesScript::initTestCase()
{
    // busybox stands in for a container's tools: scripts/deps installs busybox-static.
    QVERIFY2(QFileInfo::exists(QStringLiteral("/bin/busybox")), "busybox is not installed");
    for (const char* tool : {"sh", "stat", "readlink", "find", "mkdir", "mv", "rm", "rmdir",
                             "chmod", "tar", "base64", "dd", "echo", "printf", "cat"})
        QVERIFY(QFile::link(QStringLiteral("/bin/busybox"),
                            m_busyboxDir.filePath(QString::fromLatin1(tool))));
}

void TestExecFilesScript::hostileNames()
{
    const QByteArray line = "81a4 12 0 0 1700000000 root root";
    const QList<QByteArray> names = {"a b",
                                     "new\nline",
                                     "tab\there",
                                     "ctl\x01x",
                                     "\xff\xfe",
                                     "-dash",
                                     "\xe2\x80\xae"
                                     "evil",
                                     "G 3",
                                     "?",
                                     "\\x41",
                                     QByteArray("..dots")};
    QList<QPair<QByteArray, QByteArray>> lines;
    for (const QByteArray& name : names)
        lines.append({line, nameField(name)});
    QList<FileEntry> entries;
    QString error;
    QVERIFY2(ExecFilesScript::parseListing(group(lines), &entries, &error), qPrintable(error));
    QCOMPARE(entries.size(), names.size());
    for (int i = 0; i < names.size(); ++i) {
        QCOMPARE(entries[i].name, names[i]);
        QCOMPARE(entries[i].type, FileEntry::Type::File);
        QCOMPARE(entries[i].size, 12);
        QCOMPARE(entries[i].mode, 0644u);
        QCOMPARE(entries[i].modified, QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
    }
}

void TestExecFilesScript::linksAndTypes()
{
    const QByteArray out = group({{"a1ff 3 0 0 1 root root", nameField("link", "a\nb\n")},
                                  {"41ed 4096 0 0 1 root root", nameField("dir")},
                                  {"89ed 0 0 0 1 root root", nameField("suid")},
                                  {"21b6 0 0 0 1 root root", nameField("tty")},
                                  {"11a4 0 0 0 1 root root", nameField("fifo")},
                                  {"43ff 0 0 0 -5 root root", nameField("sticky")}});
    QList<FileEntry> entries;
    QString error;
    QVERIFY2(ExecFilesScript::parseListing(out, &entries, &error), qPrintable(error));
    QCOMPARE(entries.size(), 6);
    QCOMPARE(entries[0].type, FileEntry::Type::Symlink);
    QCOMPARE(entries[0].linkTarget, QByteArray("a\nb\n"));
    QCOMPARE(entries[1].type, FileEntry::Type::Folder);
    QCOMPARE(entries[1].mode, 0755u);
    QCOMPARE(entries[2].mode, 04755u);
    QCOMPARE(entries[3].type, FileEntry::Type::Other);
    QCOMPARE(entries[4].type, FileEntry::Type::Other);
    QCOMPARE(entries[5].mode, 01777u);
    QCOMPARE(entries[5].modified, QDateTime::fromSecsSinceEpoch(-5, Qt::UTC));
}

void TestExecFilesScript::vanishedEntries()
{
    const QByteArray out =
        group({{"81a4 1 0 0 1 root root", nameField("kept")}, {"?", nameField("gone")}}) +
        group({{"81a4 2 0 0 1 root root", nameField(".hidden")}});
    QList<FileEntry> entries;
    QString error;
    QVERIFY2(ExecFilesScript::parseListing(out, &entries, &error), qPrintable(error));
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].name, QByteArray("kept"));
    QCOMPARE(entries[1].name, QByteArray(".hidden"));
    QVERIFY(entries[1].isHidden());
}

void TestExecFilesScript::owners()
{
    const QByteArray out = group({{"81a4 1 1000 50 1 UNKNOWN UNKNOWN", nameField("numbers")},
                                  {"81a4 1 1000 50 1 alice staff", nameField("names")},
                                  {"81a4 1 1000 50 1 a b c", nameField("spaces")}});
    QList<FileEntry> entries;
    QString error;
    QVERIFY2(ExecFilesScript::parseListing(out, &entries, &error), qPrintable(error));
    QCOMPARE(entries[0].owner, QStringLiteral("1000"));
    QCOMPARE(entries[0].group, QStringLiteral("50"));
    QCOMPARE(entries[1].owner, QStringLiteral("alice"));
    QCOMPARE(entries[1].group, QStringLiteral("staff"));
    QCOMPARE(entries[2].owner, QStringLiteral("1000"));
    QCOMPARE(entries[2].group, QStringLiteral("50"));
}

void TestExecFilesScript::findNames()
{
    const QByteArray out = group({{"81a4 1 0 0 1 root root", nameField("./a/b c")}});
    QList<FileEntry> entries;
    QString error;
    QVERIFY2(ExecFilesScript::parseListing(out, &entries, &error, true), qPrintable(error));
    QCOMPARE(entries.first().name, QByteArray("a/b c"));
    QVERIFY(!ExecFilesScript::parseListing(group({{"81a4 1 0 0 1 root root", nameField("/x")}}),
                                           &entries, &error, true));
}

void TestExecFilesScript::malformed_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::newRow("no header") << QByteArray("81a4 1 0 0 1 root root\nname\0\0", 29);
    QTest::newRow("huge count") << QByteArray("G 99999999999\n");
    QTest::newRow("negative count") << QByteArray("G -1\n81a4 1 0 0 1 r r\nn\0\0", 24);
    QTest::newRow("zero count") << QByteArray("G 0\n");
    QTest::newRow("count beyond lines")
        << group({{"81a4 1 0 0 1 r r", nameField("a")}}).replace("G 1", "G 2");
    QTest::newRow("hex size") << group({{"81a4 ff 0 0 1 r r", nameField("a")}});
    QTest::newRow("negative size") << group({{"81a4 -1 0 0 1 r r", nameField("a")}});
    QTest::newRow("few fields") << group({{"81a4 1 0", nameField("a")}});
    QTest::newRow("mode too big") << group({{"1ffffffff 1 0 0 1 r r", nameField("a")}});
    QTest::newRow("missing target end") << group({{"a1ff 1 0 0 1 r r", QByteArray("l\0tgt\0", 6)}});
    QTest::newRow("truncated names") << group({{"81a4 1 0 0 1 r r", QByteArray("a\0", 2)}});
    QTest::newRow("empty name") << group({{"81a4 1 0 0 1 r r", nameField({})}});
    QTest::newRow("trailing junk")
        << group({{"81a4 1 0 0 1 r r", nameField("a")}}) + QByteArray("junk");
}

void TestExecFilesScript::malformed()
{
    QFETCH(QByteArray, output);
    QList<FileEntry> entries;
    QString error;
    QVERIFY(!ExecFilesScript::parseListing(output, &entries, &error));
    QVERIFY(!error.isEmpty());
}

void TestExecFilesScript::counts()
{
    QCOMPARE(ExecFilesScript::parseCount("3\n5\n"), 8);
    QCOMPARE(ExecFilesScript::parseCount("1\n"), 1);
    QCOMPARE(ExecFilesScript::parseCount("x\n"), -1);
    QCOMPARE(ExecFilesScript::parseCount("-4\n"), -1);
    QCOMPARE(ExecFilesScript::parseCount("99999999999999999999999\n"), -1);
}

void TestExecFilesScript::downloadInPieces()
{
    QByteArray data;
    for (int i = 0; i < 2000; ++i)
        data += char(i * 7);
    // As busybox prints it: 76 characters a line, a "." after each chunk.
    QByteArray wire;
    for (int chunk = 0; chunk < 2; ++chunk) {
        const QByteArray encoded = data.mid(chunk * 1000, 1000).toBase64();
        for (qsizetype i = 0; i < encoded.size(); i += 76)
            wire += encoded.mid(i, 76) + '\n';
        wire += ".\n";
    }
    for (const int piece : {1, 3, 77, 5000}) {
        ExecFilesScript::DownloadDecoder decoder;
        QByteArray decoded;
        int chunks = 0;
        for (qsizetype i = 0; i < wire.size(); i += piece) {
            int ended = 0;
            QVERIFY(decoder.feed(wire.mid(i, piece), &decoded, &ended));
            chunks += ended;
        }
        QVERIFY(decoder.atLineStart());
        QCOMPARE(chunks, 2);
        QCOMPARE(decoded, data);
    }
}

void TestExecFilesScript::downloadRefusesGarbage()
{
    QByteArray decoded;
    int chunks = 0;
    ExecFilesScript::DownloadDecoder notBase64;
    QVERIFY(!notBase64.feed("ab$d\n", &decoded, &chunks));
    ExecFilesScript::DownloadDecoder endless;
    QVERIFY(!endless.feed(QByteArray(ExecFilesScript::DownloadDecoder::maxLineBytes + 1, 'A'),
                          &decoded, &chunks));
    QVERIFY(!endless.errorString().isEmpty());
}

void TestExecFilesScript::uploadChunks()
{
    QCOMPARE(ExecFilesScript::uploadChunk("abc"), QByteArray("4\nYWJj"));
    QCOMPARE(ExecFilesScript::uploadEnd(), QByteArray("0\n"));
    QCOMPARE(ExecFilesScript::uploadChunkBytes % 3, 0);
}

QByteArray TestExecFilesScript::runScript(const QString& shell, const QString& pathDir,
                                          const QString& script, int* exitCode)
{
    QProcess process;
    if (!pathDir.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), pathDir);
        process.setProcessEnvironment(env);
    }
    process.start(shell, {QStringLiteral("-c"), script});
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        return {};
    *exitCode = process.exitCode();
    return process.readAllStandardOutput();
}

void TestExecFilesScript::assignKeepsEveryByte_data()
{
    QTest::addColumn<QString>("shell");
    QTest::newRow("busybox") << QStringLiteral("/bin/busybox");
    QTest::newRow("sh") << QStringLiteral("/bin/sh");
}

void TestExecFilesScript::assignKeepsEveryByte()
{
    QFETCH(QString, shell);
    QByteArray every;
    for (int c = 1; c < 256; ++c)
        every += char(c);
    every += "\n\n";
    const QString script = ExecFilesScript::assign("p", every) + QStringLiteral("printf %s \"$p\"");
    for (const QChar c : script)
        QVERIFY(c.unicode() < 0x7F);
    int exitCode = -1;
    const QByteArray out = shell.endsWith(QLatin1String("busybox"))
                               ? runScript(m_busyboxDir.filePath(QStringLiteral("sh")),
                                           m_busyboxDir.path(), script, &exitCode)
                               : runScript(shell, {}, script, &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(out, every);
}

void TestExecFilesScript::listsARealFolder_data()
{
    QTest::addColumn<bool>("busybox");
    QTest::newRow("busybox") << true;
    QTest::newRow("host tools") << false;
}

void TestExecFilesScript::listsARealFolder()
{
    QFETCH(bool, busybox);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray root = QFile::encodeName(dir.path());
    const QList<QByteArray> files = {"a b",
                                     "new\nline",
                                     "ctl\x01x",
                                     "bad\xff",
                                     "-dash",
                                     "*",
                                     ".hidden",
                                     "..dots",
                                     "\xe2\x80\xae"
                                     "rtl"};
    for (const QByteArray& name : files) {
        QFile file(QFile::decodeName(root + '/' + name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(name);
    }
    QVERIFY(::symlink("a b", (root + "/link").constData()) == 0);
    QVERIFY(::symlink("tar\nget\n", (root + "/link2").constData()) == 0);
    QVERIFY(::mkdir((root + "/dir").constData(), 0750) == 0);
    QVERIFY(::chmod((root + "/a b").constData(), 04755) == 0);

    const QString shell =
        busybox ? m_busyboxDir.filePath(QStringLiteral("sh")) : QStringLiteral("/bin/sh");
    const QString pathDir = busybox ? m_busyboxDir.path() : QString();
    int exitCode = -1;
    const QByteArray out = runScript(shell, pathDir, ExecFilesScript::list(root), &exitCode);
    QCOMPARE(exitCode, 0);
    QList<FileEntry> entries;
    QString error;
    QVERIFY2(ExecFilesScript::parseListing(out, &entries, &error), qPrintable(error));
    QCOMPARE(entries.size(), files.size() + 3);
    for (const FileEntry& entry : std::as_const(entries)) {
        if (files.contains(entry.name)) {
            QCOMPARE(entry.type, FileEntry::Type::File);
            QCOMPARE(entry.size, entry.name.size());
        }
    }
    const auto byName = [&entries](const QByteArray& name) {
        for (const FileEntry& entry : std::as_const(entries))
            if (entry.name == name)
                return entry;
        return FileEntry();
    };
    QCOMPARE(byName("a b").mode, 04755u);
    QCOMPARE(byName("dir").type, FileEntry::Type::Folder);
    QCOMPARE(byName("dir").mode, 0750u);
    QCOMPARE(byName("link").type, FileEntry::Type::Symlink);
    QCOMPARE(byName("link").linkTarget, QByteArray("a b"));
    QCOMPARE(byName("link2").linkTarget, QByteArray("tar\nget\n"));

    // The other scripts' statuses, on the same folder.
    runScript(shell, pathDir, ExecFilesScript::list(root + "/missing"), &exitCode);
    QCOMPARE(exitCode, int(ExecFilesScript::NotFound));
    runScript(shell, pathDir, ExecFilesScript::list(root + "/a b"), &exitCode);
    QCOMPARE(exitCode, int(ExecFilesScript::NotFolder));
    runScript(shell, pathDir, ExecFilesScript::makeFolder(root + "/dir", false), &exitCode);
    QCOMPARE(exitCode, int(ExecFilesScript::Exists));
    runScript(shell, pathDir, ExecFilesScript::move(root + "/a b", root + "/dir"), &exitCode);
    QCOMPARE(exitCode, int(ExecFilesScript::Exists));
    const QByteArray found =
        runScript(shell, pathDir, ExecFilesScript::find(root, "*line"), &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY2(ExecFilesScript::parseListing(found, &entries, &error, true), qPrintable(error));
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().name, QByteArray("new\nline"));
    const QByteArray counted =
        runScript(shell, pathDir, ExecFilesScript::countEntries(root), &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(ExecFilesScript::parseCount(counted), files.size() + 4);
}

QTEST_GUILESS_MAIN(TestExecFilesScript)
#include "tst_execfilesscript.moc"
