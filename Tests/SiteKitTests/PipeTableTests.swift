import XCTest
@testable import SiteKit

final class PipeTableTests: XCTestCase {
    func testPipeTableBecomesHTMLTable() {
        let markdown = "Before.\n\n| Country | Ally? |\n| :--- | ---: |\n| *Iran* | no \\| maybe |\n| China |\n"
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let document = PipeTable.convertTables(in: Cmark.parse(markdown), lines: lines)
        XCTAssertEqual(Cmark.renderHTML(document), """
        <p>Before.</p>
        <div class="table-wrap"><table>
        <thead>
        <tr>
        <th scope="col" class="align-left">
        <p>Country</p>
        </th>
        <th scope="col" class="align-right">
        <p>Ally?</p>
        </th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td class="align-left">
        <p><em>Iran</em></p>
        </td>
        <td class="align-right">
        <p>no | maybe</p>
        </td>
        </tr>
        <tr>
        <td class="align-left">
        <p>China</p>
        </td>
        <td class="align-right">
        <p></p>
        </td>
        </tr>
        </tbody>
        </table></div>

        """)
    }

    func testParagraphWithoutDelimiterRowStaysAParagraph() {
        let markdown = "| not | a table |\n| just | pipes |\n"
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let document = PipeTable.convertTables(in: Cmark.parse(markdown), lines: lines)
        XCTAssertEqual(Cmark.renderHTML(document), "<p>| not | a table |\n| just | pipes |</p>\n")
    }
}
