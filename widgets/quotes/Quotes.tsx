import { Box } from "../shared/Box.tsx";
import type { QuotesData } from "./data.ts";

/** Every quote is in the HTML, one visible; client.ts picks another on each page and on request. */
export function Quotes({ data }: { data: QuotesData }) {
  return (
    <Box id="danh-ngon" title="Danh ngôn khoa học" widget="quotes">
      <div class="quotes" data-quotes>
        {data.quotes.map((quote, i) => (
          <figure class="quote" data-quote hidden={i !== data.shown}>
            <blockquote>
              <p>{quote.text}</p>
            </blockquote>
            <figcaption>
              — {quote.author}
              {quote.source && (
                <>
                  , <cite>{quote.source}</cite>
                </>
              )}
            </figcaption>
          </figure>
        ))}
      </div>
      {data.quotes.length > 1 && (
        <button type="button" class="quote-next" data-quote-next hidden>
          Câu khác
        </button>
      )}
    </Box>
  );
}
