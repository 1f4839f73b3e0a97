using System.Text;
using Shishin.Core.Services;

namespace Shishin.Core.Tests.Services;

/// <summary>The form of a service CSV file: encodings, RFC 4180 quoting, the header, and the line where each record starts.</summary>
public sealed class ServiceCsvTests
{
    private const string Header = "key,name_ja,name_en,organization,phase,public,channel,entry_urls,description_ja,description_en,partners";

    static ServiceCsvTests() => ServiceCsv.RegisterEncodings();

    [Fact]
    public void Decode_Utf8WithBom_DropsTheBomAndNamesIt()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes("key\r\n保育園")).ToArray();

        var decoded = ServiceCsv.Decode(bytes);

        Assert.Equal(("key\r\n保育園", "UTF-8 (BOM)"), decoded);
    }

    [Fact]
    public void Decode_Utf8WithoutBom_ReadsTheText()
    {
        Assert.Equal(("key\n保育園", "UTF-8"), ServiceCsv.Decode(Encoding.UTF8.GetBytes("key\n保育園")));
    }

    [Fact]
    public void Decode_ShiftJisAsExcelWritesIt_ReadsItAsCp932()
    {
        // ～ and ① are CP932's own (not in plain Shift_JIS); Excel writes them.
        var text = "key,name_ja\r\nhoikuen,保育園の入園申込①～②\r\n";

        var decoded = ServiceCsv.Decode(Encoding.GetEncoding(932).GetBytes(text));

        Assert.Equal((text, "Shift_JIS (CP932)"), decoded);
    }

    [Fact]
    public void Decode_BomThenBytesThatAreNotUtf8_IsRefused()
    {
        Assert.Null(ServiceCsv.Decode([0xEF, 0xBB, 0xBF, 0x82, 0xA0, 0xFF]));
    }

    [Fact]
    public void Read_QuotedFieldsWithCommasQuotesAndLineBreaks_KeepsValuesAndTheLineWhereEachRecordStarts()
    {
        var text = Header + "\r\n" +
            "a,\"保育園, 入園\",Nursery,chiyoda,開発,true,web,,\"一行目\r\n二行目\r\n三行目\",\"He said \"\"hi\"\"\",\r\n" +
            "\r\n" +
            "b,名前,Name,minato,operation,false,counter,,,,\r\n";

        var parse = ServiceCsvReader.Read(text);

        Assert.Empty(parse.Errors);
        Assert.Equal([2, 6], parse.Rows.Select(r => r.Line));
        var first = parse.Rows[0];
        Assert.Equal("保育園, 入園", first[ServiceCsv.NameJa]);
        Assert.Equal("一行目\r\n二行目\r\n三行目", first[ServiceCsv.DescriptionJa]);
        Assert.Equal("He said \"hi\"", first[ServiceCsv.DescriptionEn]);
    }

    [Fact]
    public void Read_ColumnsInAnotherOrderAndOptionalOnesLeftOut_ReadsByName()
    {
        var parse = ServiceCsvReader.Read("Channel,public,phase,organization,name_en,name_ja,key\nweb,1,開発,chiyoda,N,名,k\n");

        Assert.Empty(parse.Errors);
        var row = Assert.Single(parse.Rows);
        Assert.Equal("k", row[ServiceCsv.Key]);
        Assert.Equal("web", row[ServiceCsv.Channel]);
        Assert.False(row.Has(ServiceCsv.Partners));
    }

    [Fact]
    public void Read_UnknownDuplicateAndMissingColumns_ReportsEachOnTheHeaderLine()
    {
        var parse = ServiceCsvReader.Read("key,name_ja,name_ja,organisation,phase,public,channel\nk,名,名,x,開発,true,web\n");

        Assert.True(parse.IsUnreadable);
        Assert.Equal(
            [
                (1, "organisation", ServiceCsvProblem.UnknownColumn),
                (1, "name_ja", ServiceCsvProblem.DuplicateColumn),
                (1, "name_en", ServiceCsvProblem.MissingColumn),
                (1, "organization", ServiceCsvProblem.MissingColumn),
            ],
            parse.Errors.Select(e => (e.Line, e.Column!, e.Problem)));
    }

    [Fact]
    public void Read_EmptyFile_SaysTheHeaderIsMissing()
    {
        Assert.Equal(ServiceCsvProblem.EmptyFile, Assert.Single(ServiceCsvReader.Read("\r\n").Errors).Problem);
    }

    [Fact]
    public void Read_StrayQuoteAndWrongFieldCount_AreReportedWithTheirLines()
    {
        var text = Header + "\n" +
            "a,\"two\nlines\",N,chiyoda,開発,true,web,,,,\n" +
            "b,na\"me,N,chiyoda,開発,true,web,,,,\n" +
            "c,名,N,chiyoda,開発,true,web\n";

        var parse = ServiceCsvReader.Read(text);

        Assert.Equal([(4, ServiceCsvProblem.MalformedQuotes), (5, ServiceCsvProblem.WrongFieldCount)], parse.Errors.Select(e => (e.Line, e.Problem)));
        Assert.Equal("The row has 7 fields; the header has 11.", parse.Errors[1].Message);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")")]
    [InlineData("-1")]
    [InlineData("+81")]
    [InlineData("@SUM(A1)")]
    [InlineData("'quoted")]
    [InlineData("plain")]
    public void CellThenUnneutralise_AnyValue_ComesBackUnchanged(string value)
    {
        var cell = ServiceCsv.Cell(value);
        var parse = ServiceCsvReader.Read("key,name_ja,name_en,organization,phase,public,channel\nk," + cell + ",n,o,p,true,web\n");

        Assert.Equal(value, parse.Rows.Single()[ServiceCsv.NameJa]);
        if (value[0] is '=' or '-' or '+' or '@')
        {
            Assert.StartsWith("'" + value[0], cell.TrimStart('"'), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("企画-サービス立案")]
    [InlineData("企画－サービス立案")]
    [InlineData("企画ーサービス立案")]
    [InlineData("service-design")]
    [InlineData(" Service-Design ")]
    public void PhaseTryParse_SpellingsOfServiceDesign_AllRead(string text)
    {
        Assert.True(ServicePhaseNames.TryParse(text, out var phase));
        Assert.Equal(ServicePhase.ServiceDesign, phase);
    }

    [Fact]
    public void Read_MoreRowsThanTheLimit_IsRefusedAsAWhole()
    {
        var text = new StringBuilder(Header + "\n");
        for (var i = 0; i <= ServiceCsv.MaxRows; i++)
        {
            text.Append("k,n,n,o,p,true,web,,,,\n");
        }

        var parse = ServiceCsvReader.Read(text.ToString());

        Assert.True(parse.IsUnreadable);
        Assert.Equal(ServiceCsvProblem.TooManyRows, Assert.Single(parse.Errors).Problem);
    }
}
