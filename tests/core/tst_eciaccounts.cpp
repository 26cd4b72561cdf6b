#include "settings/EciAccounts.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestEciAccounts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveLoadReplaceRemove();
    void sessionOnlyAccountsAreNotWritten();
    void validation();
};

namespace {

EciAccount sample(const QString& name)
{
    EciAccount account;
    account.name = name;
    account.accessKeyId = QStringLiteral("LTAI");
    for (const QChar c : name) {
        if (c.isLetterOrNumber() && c.unicode() < 0x80)
            account.accessKeyId += c;
    }
    account.defaultRegion = QStringLiteral("cn-hangzhou");
    account.extraRegions = {QStringLiteral("cn-beijing"), QStringLiteral("cn-hangzhou")};
    account.endpoint = QStringLiteral("http://127.0.0.1:9000");
    return account;
}

} // namespace

void TestEciAccounts::saveLoadReplaceRemove()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    {
        EciAccounts accounts(path);
        accounts.save(sample(QStringLiteral("first")));
        EciAccount second = sample(QStringLiteral("second"));
        second.signatureVersion = EciSignatureVersion::V1;
        second.hasSecurityToken = true;
        accounts.save(second);
        accounts.sync();
    }
    EciAccounts accounts(path);
    QList<EciAccount> all = accounts.accounts();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0), sample(QStringLiteral("first")));
    QCOMPARE(all.at(0).regions(),
             (QStringList{QStringLiteral("cn-hangzhou"), QStringLiteral("cn-beijing")}));
    QCOMPARE(all.at(1).signatureVersion, EciSignatureVersion::V1);
    QVERIFY(all.at(1).hasSecurityToken);
    QCOMPARE(all.at(1).storeKeys(),
             (QStringList{QStringLiteral("sandboxdesk/second/access-key-secret"),
                          QStringLiteral("sandboxdesk/second/security-token")}));

    // Replaced in place.
    EciAccount changed = sample(QStringLiteral("first"));
    changed.defaultRegion = QStringLiteral("cn-shanghai");
    accounts.save(changed);
    all = accounts.accounts();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).defaultRegion, QStringLiteral("cn-shanghai"));

    accounts.remove(QStringLiteral("first"));
    QVERIFY(!accounts.contains(QStringLiteral("first")));
    QVERIFY(accounts.contains(QStringLiteral("second")));
    accounts.sync();

    // The file names the keychain items but holds no value.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("sandboxdesk/second/access-key-secret"));
    QVERIFY(text.contains("LTAIsecond"));
}

void TestEciAccounts::sessionOnlyAccountsAreNotWritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    {
        EciAccounts accounts(path);
        EciAccount session = sample(QStringLiteral("session"));
        session.sessionOnly = true;
        accounts.save(session);
        QVERIFY(accounts.contains(QStringLiteral("session")));
        QVERIFY(accounts.account(QStringLiteral("session")).sessionOnly);
        accounts.sync();
    }
    EciAccounts again(path);
    QVERIFY(again.accounts().isEmpty());
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        QVERIFY(!file.readAll().contains("LTAIsession"));
}

void TestEciAccounts::validation()
{
    QVERIFY(sample(QStringLiteral("ok name")).validate().isEmpty());
    QVERIFY(sample(QStringLiteral("工作")).validate().isEmpty());
    for (const QString& bad :
         {QString(), QStringLiteral("a/b"), QStringLiteral(" lead"), QStringLiteral("-x"),
          QString(65, QLatin1Char('a')), QStringLiteral("tab\there")})
        QCOMPARE(sample(bad).validate().size(), 1);
    EciAccount account = sample(QStringLiteral("a"));
    account.accessKeyId.clear();
    account.defaultRegion.clear();
    QCOMPARE(account.validate().size(), 2);
    account = sample(QStringLiteral("a"));
    account.extraRegions = {QStringLiteral("Not A Region")};
    QCOMPARE(account.validate().size(), 1);
}

QTEST_GUILESS_MAIN(TestEciAccounts)
#include "tst_eciaccounts.moc"
