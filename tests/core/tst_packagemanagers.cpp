#include "run/PackageManagers.h"
#include "run/PackageTableModel.h"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace PackageManagers;

// What PackageManagers reads and writes, without a sandbox: the probe (run by the local sh
// over a PATH of fake programs), each manager's listing as it prints it, the names refused,
// and the commands an install or a removal runs. The real apt is in tst_packages.
class TestPackageManagers final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keys();
    void probeFindsWhatIsOnThePath();
    void detectedOutput_data();
    void detectedOutput();
    void parseDpkg();
    void parseApk();
    void parsePip();
    void parseNpm();
    void unreadableOutput_data();
    void unreadableOutput();
    void names_data();
    void names();
    void requests();
    void model();
};

void TestPackageManagers::keys()
{
    for (const Manager manager : all())
        QCOMPARE(fromKey(key(manager)), manager);
    QCOMPARE(fromKey(QStringLiteral("dpkg")), Manager::Apt);
    QCOMPARE(fromKey(QStringLiteral("APT-GET")), Manager::Apt);
    QCOMPARE(fromKey(QStringLiteral("pip3")), Manager::Pip);
    QVERIFY(!fromKey(QStringLiteral("yum")).has_value());
    QVERIFY(!fromKey(QString()).has_value());
}

void TestPackageManagers::probeFindsWhatIsOnThePath()
{
    QTemporaryDir first;
    QTemporaryDir second;
    QVERIFY(first.isValid() && second.isValid());
    const auto makeProgram = [](const QString& dir, const QString& name, bool executable) {
        QFile file(dir + QLatin1Char('/') + name);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\n");
        file.close();
        QVERIFY(file.setPermissions(executable
                                        ? QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                        : QFile::ReadOwner | QFile::WriteOwner));
    };
    makeProgram(first.path(), QStringLiteral("apt-get"), true);
    makeProgram(first.path(), QStringLiteral("pip"), true);
    makeProgram(second.path(), QStringLiteral("dpkg-query"), true);
    makeProgram(second.path(), QStringLiteral("pip3"), true);
    makeProgram(second.path(), QStringLiteral("npm"), false);    // not executable: not found
    makeProgram(second.path(), QStringLiteral("apt-get"), true); // the first one wins

    const QStringList command = detectCommand();
    QProcess probe;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), first.path() + QLatin1Char(':') + second.path());
    probe.setProcessEnvironment(environment);
    probe.start(command.first(), command.mid(1));
    QVERIFY(probe.waitForFinished(10000));
    QCOMPARE(probe.exitCode(), 0);
    const QList<Found> found = parseDetected(probe.readAllStandardOutput());
    const QList<Found> expected = {
        {Manager::Apt, first.path() + QStringLiteral("/apt-get"),
         second.path() + QStringLiteral("/dpkg-query")},
        // pip3 is preferred to pip wherever each is.
        {Manager::Pip, second.path() + QStringLiteral("/pip3"),
         second.path() + QStringLiteral("/pip3")},
    };
    QCOMPARE(found, expected);
}

void TestPackageManagers::detectedOutput_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("nothing") << QByteArray() << QStringList();
    QTest::newRow("dpkg without apt-get")
        << QByteArray("dpkg-query /usr/bin/dpkg-query\n") << QStringList();
    QTest::newRow("apt-get without dpkg-query")
        << QByteArray("apt-get /usr/bin/apt-get\n") << QStringList();
    QTest::newRow("debian") << QByteArray("apt-get /usr/bin/apt-get\n"
                                          "dpkg-query /usr/bin/dpkg-query\n")
                            << QStringList{QStringLiteral("apt")};
    QTest::newRow("alpine with node") << QByteArray("apk /sbin/apk\nnpm /usr/bin/npm\n")
                                      << QStringList{QStringLiteral("apk"), QStringLiteral("npm")};
    QTest::newRow("pip only") << QByteArray("pip /usr/local/bin/pip\n")
                              << QStringList{QStringLiteral("pip")};
}

void TestPackageManagers::detectedOutput()
{
    QFETCH(QByteArray, output);
    QFETCH(QStringList, keys);
    QStringList found;
    for (const Found& manager : PackageManagers::parseDetected(output))
        found << key(manager.manager);
    QCOMPARE(found, keys);
}

void TestPackageManagers::parseDpkg()
{
    // As dpkg-query -W with listRequest's format prints it: removed-but-configured ("rc") and
    // half-installed packages are not installed.
    const QByteArray output = "ii \tdpkg\t1.21.22\n"
                              "ii \tapt\t2.6.1\n"
                              "rc \told-thing\t0.1-1\n"
                              "iU \thalf\t2.0\n"
                              "hi \theld\t3:1.0~rc1-2+b1\n";
    const auto packages = parseList(Manager::Apt, output);
    QVERIFY(packages.has_value());
    const QList<Package> expected = {{QStringLiteral("apt"), QStringLiteral("2.6.1")},
                                     {QStringLiteral("dpkg"), QStringLiteral("1.21.22")},
                                     {QStringLiteral("held"), QStringLiteral("3:1.0~rc1-2+b1")}};
    QCOMPARE(*packages, expected);
}

void TestPackageManagers::parseApk()
{
    const QByteArray output = "musl-1.2.4-r2\n"
                              "busybox-binsh-1.36.1-r15\n"
                              "ca-certificates-bundle-20230506-r0\n"
                              "py3-pip-23.1.2_git1-r1\n";
    const auto packages = parseList(Manager::Apk, output);
    QVERIFY(packages.has_value());
    const QList<Package> expected = {
        {QStringLiteral("busybox-binsh"), QStringLiteral("1.36.1-r15")},
        {QStringLiteral("ca-certificates-bundle"), QStringLiteral("20230506-r0")},
        {QStringLiteral("musl"), QStringLiteral("1.2.4-r2")},
        {QStringLiteral("py3-pip"), QStringLiteral("23.1.2_git1-r1")}};
    QCOMPARE(*packages, expected);
}

void TestPackageManagers::parsePip()
{
    const QByteArray output =
        R"([{"name": "pip", "version": "23.0.1"}, {"name": "Requests", "version": "2.31.0"},
            {"name": "attrs", "version": "23.1.0"}])"
        "\n";
    const auto packages = parseList(Manager::Pip, output);
    QVERIFY(packages.has_value());
    const QList<Package> expected = {{QStringLiteral("attrs"), QStringLiteral("23.1.0")},
                                     {QStringLiteral("pip"), QStringLiteral("23.0.1")},
                                     {QStringLiteral("Requests"), QStringLiteral("2.31.0")}};
    QCOMPARE(*packages, expected);
    QCOMPARE(parseList(Manager::Pip, "[]"), std::optional<QList<Package>>(QList<Package>{}));
}

void TestPackageManagers::parseNpm()
{
    const QByteArray output = R"({
      "name": "lib",
      "dependencies": {
        "npm": {"version": "9.8.1", "overridden": false},
        "@scope/tool": {"version": "1.0.0-beta.2"},
        "corepack": {"version": "0.19.0"}
      }
    })";
    const auto packages = parseList(Manager::Npm, output);
    QVERIFY(packages.has_value());
    const QList<Package> expected = {
        {QStringLiteral("@scope/tool"), QStringLiteral("1.0.0-beta.2")},
        {QStringLiteral("corepack"), QStringLiteral("0.19.0")},
        {QStringLiteral("npm"), QStringLiteral("9.8.1")}};
    QCOMPARE(*packages, expected);
    // Nothing installed globally: no dependencies at all.
    QCOMPARE(parseList(Manager::Npm, R"({"name": "lib"})"),
             std::optional<QList<Package>>(QList<Package>{}));
}

void TestPackageManagers::unreadableOutput_data()
{
    QTest::addColumn<int>("manager");
    QTest::addColumn<QByteArray>("output");
    QTest::newRow("dpkg: two fields") << int(Manager::Apt) << QByteArray("ii \tdpkg\n");
    QTest::newRow("dpkg: a message")
        << int(Manager::Apt) << QByteArray("dpkg-query: error: unknown option\n");
    QTest::newRow("apk: no release") << int(Manager::Apk) << QByteArray("musl-1.2.4\n");
    QTest::newRow("apk: a warning")
        << int(Manager::Apk) << QByteArray("WARNING: opening /etc/apk: No such file\n");
    QTest::newRow("pip: freeze format") << int(Manager::Pip) << QByteArray("pip==23.0\n");
    QTest::newRow("pip: no name") << int(Manager::Pip) << QByteArray(R"([{"version": "1"}])");
    QTest::newRow("npm: an array") << int(Manager::Npm) << QByteArray("[]");
    QTest::newRow("npm: text") << int(Manager::Npm) << QByteArray("npm ERR! code E404\n");
}

void TestPackageManagers::unreadableOutput()
{
    QFETCH(int, manager);
    QFETCH(QByteArray, output);
    QVERIFY(!parseList(Manager(manager), output).has_value());
}

void TestPackageManagers::names_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<bool>("good");
    QTest::newRow("plain") << QStringList{QStringLiteral("curl"), QStringLiteral("jq")} << true;
    QTest::newRow("versions") << QStringList{QStringLiteral("curl=7.88.1-10"),
                                             QStringLiteral("requests==2.31"),
                                             QStringLiteral("@scope/name@1.2"),
                                             QStringLiteral("pkg[extra]>=1,<2")}
                              << true;
    QTest::newRow("none") << QStringList{} << false;
    QTest::newRow("empty") << QStringList{QString()} << false;
    QTest::newRow("an option") << QStringList{QStringLiteral("--allow-unauthenticated")} << false;
    QTest::newRow("a blank") << QStringList{QStringLiteral("two words")} << false;
    QTest::newRow("a newline") << QStringList{QStringLiteral("a\nb")} << false;
}

void TestPackageManagers::names()
{
    QFETCH(QStringList, names);
    QFETCH(bool, good);
    QString problem;
    QCOMPARE(checkNames(names, &problem), good);
    QCOMPARE(problem.isEmpty(), good);
}

void TestPackageManagers::requests()
{
    const Found apt{Manager::Apt, QStringLiteral("/usr/bin/apt-get"),
                    QStringLiteral("/usr/bin/dpkg-query")};
    const QStringList names = {QStringLiteral("curl"), QStringLiteral("it's")};
    RunRequest install = installRequest(apt, names);
    QVERIFY(install.isScript());
    QCOMPARE(install.script, QByteArray("'/usr/bin/apt-get' update && exec '/usr/bin/apt-get' "
                                        "install -y --no-install-recommends 'curl' 'it'\\''s'\n"));
    QCOMPARE(install.env, QStringList{QStringLiteral("DEBIAN_FRONTEND=noninteractive")});
    QCOMPARE(removeRequest(apt, names).command,
             (QStringList{QStringLiteral("/usr/bin/apt-get"), QStringLiteral("remove"),
                          QStringLiteral("-y")} +
              names));
    QCOMPARE(listRequest(apt).command.first(), QStringLiteral("/usr/bin/dpkg-query"));

    const Found apk{Manager::Apk, QStringLiteral("/sbin/apk"), QStringLiteral("/sbin/apk")};
    QCOMPARE(installRequest(apk, names).command,
             (QStringList{QStringLiteral("/sbin/apk"), QStringLiteral("add"),
                          QStringLiteral("--no-cache")} +
              names));
    QCOMPARE(removeRequest(apk, names).command,
             (QStringList{QStringLiteral("/sbin/apk"), QStringLiteral("del")} + names));

    const Found pip{Manager::Pip, QStringLiteral("/usr/bin/pip3"), QStringLiteral("/usr/bin/pip3")};
    QCOMPARE(installRequest(pip, names).command.mid(0, 2),
             (QStringList{QStringLiteral("/usr/bin/pip3"), QStringLiteral("install")}));
    QCOMPARE(removeRequest(pip, names).command.mid(0, 3),
             (QStringList{QStringLiteral("/usr/bin/pip3"), QStringLiteral("uninstall"),
                          QStringLiteral("-y")}));
    QCOMPARE(installRequest(pip, names).command.mid(4), names);

    const Found npm{Manager::Npm, QStringLiteral("/usr/bin/npm"), QStringLiteral("/usr/bin/npm")};
    QCOMPARE(installRequest(npm, names).command.mid(0, 3),
             (QStringList{QStringLiteral("/usr/bin/npm"), QStringLiteral("install"),
                          QStringLiteral("-g")}));
    QCOMPARE(removeRequest(npm, names).command,
             (QStringList{QStringLiteral("/usr/bin/npm"), QStringLiteral("uninstall"),
                          QStringLiteral("-g")} +
              names));
    QCOMPARE(
        listRequest(npm).command,
        (QStringList{QStringLiteral("/usr/bin/npm"), QStringLiteral("ls"), QStringLiteral("-g"),
                     QStringLiteral("--depth=0"), QStringLiteral("--json")}));
}

void TestPackageManagers::model()
{
    PackageTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setPackages({{QStringLiteral("apt"), QStringLiteral("2.6.1")},
                       {QStringLiteral("dpkg"), QStringLiteral("1.21.22")}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(PackageTableModel::ColumnCount));
    QCOMPARE(model.index(1, PackageTableModel::Name).data().toString(), QStringLiteral("dpkg"));
    QCOMPARE(model.index(1, PackageTableModel::Version).data().toString(),
             QStringLiteral("1.21.22"));
    QCOMPARE(model.index(1, PackageTableModel::Version)
                 .data(PackageTableModel::PackageNameRole)
                 .toString(),
             QStringLiteral("dpkg"));
    QCOMPARE(model.headerData(PackageTableModel::Name, Qt::Horizontal).toString(),
             QStringLiteral("Package"));
    model.setPackages({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestPackageManagers)
#include "tst_packagemanagers.moc"
