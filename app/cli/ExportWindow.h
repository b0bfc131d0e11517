// The window every officials' command asks about (export, trace, report: formats/cli.md): --from
// and --to in ISO 8601, from strictly before to. Parsed in one place so that each command says
// the same sentence for the same mistake.
#pragma once

#include "CliContext.h"
#include "crypto/Ed25519Key.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <optional>

class ExportWindow
{
    Q_DECLARE_TR_FUNCTIONS(ExportWindow)

public:
    static const QCommandLineOption From;
    static const QCommandLineOption To;

    // The window, or nullopt after saying on context.err what is wrong (exit code 2).
    [[nodiscard]] static std::optional<ExportWindow> parse(const QCommandLineParser& parser, CliContext& context);
    // --sign KEY: sign the file's manifest with this private export key.
    static const QCommandLineOption Sign;
    // --lang en|vi: the language of the file's headers and words, checked by the request
    // (export/OfficialAsk.h); the command says what it defaults to.
    static const QCommandLineOption Lang;
    // --lang's value, or fallback when it was not given.
    static QString language(const QCommandLineParser& parser, const QString& fallback);

    // The export key to sign with: --sign's, else the configuration's [export] signing_key, else
    // none (unsigned). An Error when that key cannot sign exports (export/ExportManifest.h).
    [[nodiscard]] static Result<std::optional<Ed25519Key>> signingKey(const QCommandLineParser& parser,
                                                                      const CliContext& context);
    // The --out file when its extension is one of extensions (".csv", ...); else nullopt after
    // naming the extensions this command writes.
    [[nodiscard]] static std::optional<QString> outputPath(const QCommandLineParser& parser,
                                                           const QCommandLineOption& out, const QStringList& extensions,
                                                           CliContext& context);

    QDateTime from;
    QDateTime to;
};
